"""The framing words of every email (greeting, "Lesson 2 of 5", footer) in the course's language.

A course.toml `[strings]` table overrides any of them; unknown languages fall back to English. Each language keeps
its own typography: curly quotes and apostrophes, German „…“, French «\u00a0…\u00a0» with a no-break space before
a colon and a narrow one before ; ? ! (so that the mark never starts a line), and `colon` for the text twin's
"Unsubscribe: …" lines.
"""

from __future__ import annotations

NBSP = "\u00a0"  # no-break space: French puts one before a colon and inside « »
NNBSP = "\u202f"  # narrow no-break space: French puts one before ; ? !

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Hi {name},",
        "first_name_fallback": "there",
        "lesson_of": "Lesson {number} of {total}",
        "next_lesson": "Next lesson",
        "arrives_tomorrow": "arrives tomorrow",
        "arrives_next_weekday": "arrives on the next weekday",
        "arrives_today": "arrives later today",
        "arrives_in_days": "arrives in {days} days",
        "colon": ":",
        "cta_heading": "That’s the whole course",
        "cta_text": "Thank you for reading. What was the most useful idea for you? Just hit reply and tell me, "
        "I read every answer.",
        "cta_button": "Reply to {name}",
        "why_footer": "You are receiving this because you signed up for the email course “{course}”.",
        "unsubscribe": "Unsubscribe",
        "view_online": "View in your browser",
        "preferences": "Email preferences",
        "reading_time": "{minutes} min read",
    },
    "de": {
        "greeting": "Hallo {name},",
        "first_name_fallback": "zusammen",
        "lesson_of": "Lektion {number} von {total}",
        "next_lesson": "Nächste Lektion",
        "arrives_tomorrow": "kommt morgen",
        "arrives_next_weekday": "kommt am nächsten Werktag",
        "arrives_today": "kommt heute noch",
        "arrives_in_days": "kommt in {days} Tagen",
        "colon": ":",
        "cta_heading": "Das war der ganze Kurs",
        "cta_text": "Danke fürs Lesen. Was war für Sie die wichtigste Idee? Antworten Sie einfach auf diese E-Mail, "
        "ich lese jede Antwort.",
        "cta_button": "{name} antworten",
        "why_footer": "Sie erhalten diese E-Mail, weil Sie sich für den E-Mail-Kurs „{course}“ angemeldet haben.",
        "unsubscribe": "Abmelden",
        "view_online": "Im Browser ansehen",
        "preferences": "E-Mail-Einstellungen",
        "reading_time": "{minutes} Min. Lesezeit",
    },
    "fr": {
        "greeting": "Bonjour {name},",
        "first_name_fallback": "à tous",
        "lesson_of": "Leçon {number} sur {total}",
        "next_lesson": "Prochaine leçon",
        "arrives_tomorrow": "arrive demain",
        "arrives_next_weekday": "arrive le prochain jour ouvré",
        "arrives_today": "arrive plus tard aujourd’hui",
        "arrives_in_days": "arrive dans {days} jours",
        "colon": NBSP + ":",  # French: a no-break space before : (and a narrow one before ; ? !)
        "cta_heading": "C’est la fin du cours",
        "cta_text": f"Merci de votre lecture. Quelle idée vous a été la plus utile{NNBSP}? Répondez simplement à cet "
        "e-mail, je lis chaque réponse.",
        "cta_button": "Répondre à {name}",
        "why_footer": f"Vous recevez cet e-mail car vous êtes inscrit au cours par e-mail «{NBSP}{{course}}{NBSP}».",
        "unsubscribe": "Se désabonner",
        "view_online": "Voir dans le navigateur",
        "preferences": "Préférences e-mail",
        "reading_time": "{minutes} min de lecture",
    },
    "es": {
        "greeting": "Hola {name}:",
        "first_name_fallback": "a todos",
        "lesson_of": "Lección {number} de {total}",
        "next_lesson": "Próxima lección",
        "arrives_tomorrow": "llega mañana",
        "arrives_next_weekday": "llega el próximo día laborable",
        "arrives_today": "llega hoy más tarde",
        "arrives_in_days": "llega en {days} días",
        "colon": ":",
        "cta_heading": "Este es el final del curso",
        "cta_text": "Gracias por leer. ¿Cuál fue la idea más útil para ti? Responde a este correo y cuéntamelo, "
        "leo todas las respuestas.",
        "cta_button": "Responder a {name}",
        "why_footer": "Recibes este correo porque te suscribiste al curso por correo «{course}».",
        "unsubscribe": "Darse de baja",
        "view_online": "Ver en el navegador",
        "preferences": "Preferencias de correo",
        "reading_time": "{minutes} min de lectura",
    },
    "pt": {
        "greeting": "Olá, {name},",
        "first_name_fallback": "pessoal",
        "lesson_of": "Aula {number} de {total}",
        "next_lesson": "Próxima aula",
        "arrives_tomorrow": "chega amanhã",
        "arrives_next_weekday": "chega no próximo dia útil",
        "arrives_today": "chega ainda hoje",
        "arrives_in_days": "chega em {days} dias",
        "colon": ":",
        "cta_heading": "Este é o fim do curso",
        "cta_text": "Agradeço a leitura. Qual foi a ideia mais útil para você? É só responder a este e-mail e me "
        "contar, eu leio todas as respostas.",
        "cta_button": "Responder a {name}",
        "why_footer": "Você está recebendo este e-mail porque se inscreveu no curso por e-mail “{course}”.",
        "unsubscribe": "Cancelar inscrição",
        "view_online": "Ver no navegador",
        "preferences": "Preferências de e-mail",
        "reading_time": "{minutes} min de leitura",
    },
    "it": {
        "greeting": "Ciao {name},",
        "first_name_fallback": "a tutti",
        "lesson_of": "Lezione {number} di {total}",
        "next_lesson": "Prossima lezione",
        "arrives_tomorrow": "arriva domani",
        "arrives_next_weekday": "arriva il prossimo giorno lavorativo",
        "arrives_today": "arriva in giornata",
        "arrives_in_days": "arriva tra {days} giorni",
        "colon": ":",
        "cta_heading": "Il corso finisce qui",
        "cta_text": "Grazie per aver letto. Qual è stata l’idea più utile per te? Rispondi a questa email e "
        "raccontamelo: leggo ogni risposta.",
        "cta_button": "Rispondi a {name}",
        "why_footer": "Ricevi questa email perché hai chiesto di ricevere il corso via email “{course}”.",
        "unsubscribe": "Annulla l’iscrizione",
        "view_online": "Visualizza nel browser",
        "preferences": "Preferenze email",
        "reading_time": "{minutes} min di lettura",
    },
    "nl": {
        "greeting": "Hoi {name},",
        "first_name_fallback": "allemaal",
        "lesson_of": "Les {number} van {total}",
        "next_lesson": "Volgende les",
        "arrives_tomorrow": "komt morgen",
        "arrives_next_weekday": "komt op de volgende werkdag",
        "arrives_today": "komt later vandaag",
        "arrives_in_days": "komt over {days} dagen",
        "colon": ":",
        "cta_heading": "Dat was de hele cursus",
        "cta_text": "Bedankt voor het lezen. Wat was voor jou het nuttigste idee? Beantwoord deze e-mail en laat het "
        "me weten, ik lees elk antwoord.",
        "cta_button": "Stuur {name} een antwoord",
        "why_footer": "Je ontvangt deze e-mail omdat je je hebt aangemeld voor de e-mailcursus “{course}”.",
        "unsubscribe": "Afmelden",
        "view_online": "Bekijk in je browser",
        "preferences": "E-mailvoorkeuren",
        "reading_time": "{minutes} min leestijd",
    },
    "ja": {
        "greeting": "{name}さん、こんにちは。",
        "first_name_fallback": "皆",  # 皆さん: everyone
        "lesson_of": "レッスン {number}/{total}",
        "next_lesson": "次回のレッスン",
        "arrives_tomorrow": "明日届きます",
        "arrives_next_weekday": "次の平日に届きます",
        "arrives_today": "本日中に届きます",
        "arrives_in_days": "{days}日後に届きます",
        "colon": "：",
        "cta_heading": "コースはこれで終わりです",
        "cta_text": "最後まで読んでいただき、ありがとうございました。いちばん役に立ったアイデアは何でしたか？"
        "このメールに返信して教えてください。すべての返信に目を通しています。",
        "cta_button": "返信する",
        "why_footer": "このメールは、メールコース「{course}」にご登録いただいた方にお送りしています。",
        "unsubscribe": "配信停止",
        "view_online": "ブラウザで表示",
        "preferences": "配信設定",
        "reading_time": "{minutes}分で読めます",
    },
}
RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv"}


def strings_for(language: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The framing strings for a BCP 47 language tag, with course.toml overrides applied."""
    base = dict(STRINGS["en"])
    base.update(STRINGS.get(language.split("-")[0].lower(), {}))
    base.update(overrides or {})
    return base


def untranslated(language: str, overrides: dict[str, str] | None = None) -> list[str]:
    """The framing strings shown in English for want of the language's own: none for a language with built-in
    wording, else those course.toml's [strings] does not give."""
    if language.split("-")[0].lower() in STRINGS:
        return []
    return [key for key in STRINGS["en"] if key not in (overrides or {})]


def strings_table() -> str:
    """The README's table of the framing strings: each key, its English words and the languages built in."""
    rows = [f"| `[strings]` key | English (built in: {', '.join(sorted(STRINGS))}) |", "|---|---|"]
    rows += ["| `" + key + "` | " + value.replace("|", "\\|") + " |" for key, value in STRINGS["en"].items()]
    return "\n".join(rows) + "\n"


def text_direction(language: str) -> str:
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"
