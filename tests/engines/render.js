// Render a template with a provider's real engine: reads {"engine", "template", "data"} as JSON on stdin,
// prints the result on stdout (errors on stderr, exit 1).
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const { engine, template, data } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  try {
    if (engine !== "handlebars") throw new Error(`unknown engine ${engine}`);
    const Handlebars = require("handlebars");
    process.stdout.write(Handlebars.compile(template, { strict: false })(data));
  } catch (error) {
    process.stderr.write(String(error.message || error));
    process.exit(1);
  }
});
