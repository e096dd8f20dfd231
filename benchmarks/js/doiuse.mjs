// Distinct unsupported features per email-client family (caniemail's data through @jsx-email/doiuse-email).
// usage: node doiuse.mjs FILE.html... -> {"gmail": [...], "outlook": [...], "yahoo": [...], "samsung": [...]}
import { readFileSync } from "node:fs";
import { doIUseEmail } from "@jsx-email/doiuse-email";

const families = { gmail: "gmail.*", outlook: "outlook.*", yahoo: "yahoo.*", samsung: "samsung-email.*" };
const found = Object.fromEntries(Object.keys(families).map((name) => [name, new Set()]));
for (const file of process.argv.slice(2)) {
  const html = readFileSync(file, "utf8");
  for (const [name, glob] of Object.entries(families)) {
    const result = doIUseEmail(html, { emailClients: [glob] });
    for (const error of result.errors ?? []) {
      const feature = /`([^`]+)`/.exec(error);
      if (feature) found[name].add(feature[1]);
    }
  }
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()])), null, 1));
