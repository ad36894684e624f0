//! The placeholders WhatsApp writes instead of content, in the languages we
//! import (en, es, de, fr, pt, it, nl, fi). Android writes them in angle
//! brackets (`<Media omitted>`); iOS starts them with U+200E
//! (`‎image omitted`). Both marks are required, so that a person who types
//! "details omitted" is not read as a placeholder. Extend the tables when an
//! export shows another spelling; that changes `IMPORTER_VERSION`.

use super::header::is_mark;

/// Last words of "<kind> omitted" placeholders.
const OMITTED: &[&str] = &[
    "omitted",
    "omitida",
    "omitido",
    "ausgeschlossen",
    "weggelassen",
    "omis",
    "omise",
    "absente",
    "oculta",
    "ocultada",
    "oculto",
    "omessa",
    "omesso",
    "omessi",
    "weggelaten",
    "jätetty pois",
];

const DELETED: &[&str] = &[
    "this message was deleted",
    "you deleted this message",
    "se eliminó este mensaje",
    "eliminaste este mensaje",
    "diese nachricht wurde gelöscht",
    "du hast diese nachricht gelöscht",
    "ce message a été supprimé",
    "vous avez supprimé ce message",
    "mensagem apagada",
    "esta mensagem foi apagada",
    "você apagou esta mensagem",
    "questo messaggio è stato eliminato",
    "hai eliminato questo messaggio",
    "dit bericht is verwijderd",
    "je hebt dit bericht verwijderd",
    "tämä viesti poistettiin",
    "poistit tämän viestin",
];

const EDITED: &[&str] = &[
    "this message was edited",
    "se editó este mensaje",
    "diese nachricht wurde bearbeitet",
    "ce message a été modifié",
    "mensagem editada",
    "questo messaggio è stato modificato",
    "dit bericht is bewerkt",
    "tätä viestiä on muokattu",
];

/// Android: `NAME (file attached)`.
const FILE_ATTACHED: &[&str] = &[
    "file attached",
    "archivo adjunto",
    "datei angehängt",
    "fichier joint",
    "arquivo anexado",
    "file allegato",
    "bestand bijgevoegd",
    "tiedosto liitetty",
];

/// iOS: `<attached: NAME>`.
const ATTACHED: &[&str] = &[
    "attached",
    "adjunto",
    "anhang",
    "pièce jointe",
    "anexo",
    "anexado",
    "allegato",
    "bijgevoegd",
    "liitetty",
];

/// Lower-cased, marks and surrounding spaces and a final full stop removed.
fn plain(s: &str) -> String {
    let s = s.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
    let s = s.strip_suffix('.').unwrap_or(s);
    s.chars()
        .filter(|c| !is_mark(*c))
        .map(|c| if c == '\u{a0}' || c == '\u{202f}' { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn starts_with_mark(s: &str) -> bool {
    s.trim_start_matches(char::is_whitespace).starts_with('\u{200E}')
}

fn bracketed(s: &str) -> Option<&str> {
    let s = s.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
    s.strip_prefix('<')?.strip_suffix('>')
}

pub(crate) fn is_media_omitted(text: &str) -> bool {
    let inner = match bracketed(text) {
        Some(inner) => inner,
        None if starts_with_mark(text) => text,
        None => return false,
    };
    let p = plain(inner);
    p.split_whitespace().count() <= 4 && OMITTED.iter().any(|w| p.ends_with(w))
}

pub(crate) fn is_deleted(text: &str) -> bool {
    DELETED.contains(&plain(text).as_str())
}

/// The text without a trailing "<This message was edited>", if it has one.
pub(crate) fn strip_edited(text: &str) -> Option<&str> {
    let trimmed = text.trim_end_matches(|c: char| is_mark(c) || c.is_whitespace());
    let inner = trimmed.strip_suffix('>')?;
    let open = inner.rfind('<')?;
    EDITED
        .contains(&plain(&inner[open + 1..]).as_str())
        .then(|| inner[..open].trim_end_matches(|c: char| is_mark(c) || c.is_whitespace()))
}

/// The file a message's first line says is attached, if it says so.
pub(crate) fn attached_file(first_line: &str) -> Option<&str> {
    let line = first_line.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
    let name = if let Some(inner) = bracketed(line) {
        let (label, name) = inner.split_once(':')?;
        ATTACHED.contains(&plain(label).as_str()).then_some(name)?
    } else {
        let body = line.strip_suffix(')')?;
        let open = body.rfind(" (")?;
        FILE_ATTACHED
            .contains(&plain(&body[open + 2..]).as_str())
            .then_some(&body[..open])?
    };
    let name = name.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
    let has_extension = name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
    });
    (has_extension && !name.contains(['/', '\\'])).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_omitted() {
        for yes in [
            "<Media omitted>",
            "<Multimedia omitido>",
            "<Medien ausgeschlossen>",
            "<Médias omis>",
            "<Mídia oculta>",
            "<Media omessi>",
            "<Media weggelaten>",
            "<Media jätetty pois>",
            "\u{200E}image omitted",
            "\u{200E}imagen omitida",
            "\u{200E}Bild weggelassen",
            "\u{200E}vidéo absente",
            "\u{200E}kuva jätetty pois",
        ] {
            assert!(is_media_omitted(yes), "{yes}");
        }
        for no in [
            "details omitted",
            "image omitted",
            "<b>",
            "\u{200E}a very long text that also ends in omitted",
        ] {
            assert!(!is_media_omitted(no), "{no}");
        }
    }

    #[test]
    fn deleted_and_edited() {
        assert!(is_deleted("This message was deleted"));
        assert!(is_deleted("\u{200E}You deleted this message."));
        assert!(is_deleted("Se eliminó este mensaje."));
        assert!(!is_deleted("This message was deleted, lol"));
        assert_eq!(
            strip_edited("see you at 8 <This message was edited>"),
            Some("see you at 8")
        );
        assert_eq!(
            strip_edited("nos vemos\u{200E}<Se editó este mensaje.>"),
            Some("nos vemos")
        );
        assert_eq!(strip_edited("a <b>"), None);
        assert_eq!(strip_edited("plain"), None);
    }

    #[test]
    fn attachments() {
        assert_eq!(
            attached_file("IMG-20240101-WA0001.jpg (file attached)"),
            Some("IMG-20240101-WA0001.jpg")
        );
        assert_eq!(
            attached_file("\u{200E}PTT-20240101-WA0002.opus (archivo adjunto)"),
            Some("PTT-20240101-WA0002.opus")
        );
        assert_eq!(
            attached_file("\u{200E}<attached: 00000012-PHOTO-2024-01-01-10-00-00.jpg>"),
            Some("00000012-PHOTO-2024-01-01-10-00-00.jpg")
        );
        assert_eq!(
            attached_file("<pièce jointe : 00000013-AUDIO.opus>"),
            Some("00000013-AUDIO.opus")
        );
        assert_eq!(
            attached_file("Lease draft.pdf (file attached)"),
            Some("Lease draft.pdf")
        );
        for no in [
            "photo.jpg",
            "(file attached)",
            "<attached: ../../etc/passwd.txt>",
            "x (file attached)",
            "<note: a.b>",
        ] {
            assert_eq!(attached_file(no), None, "{no}");
        }
    }
}
