//! Finding a free file name: the one loop every "never overwrite" write or move
//! goes through (trash, quarantine, exported reports).

/// How many names are tried before giving up.
pub const MAX_TRIES: u32 = 10_000;

/// Tries `attempt` on each of `names` in turn, moving on while `taken` says the
/// name was taken, and returns the first outcome that is not "taken". `None` when
/// every name was taken.
///
/// The attempt itself must refuse to overwrite (create-new, rename without
/// replace): checking first and writing after would race with other writers.
pub fn first_free<T, E>(
    names: impl IntoIterator<Item = String>,
    mut attempt: impl FnMut(&str) -> Result<T, E>,
    taken: impl Fn(&E) -> bool,
) -> Option<Result<T, E>> {
    for name in names {
        match attempt(&name) {
            Err(e) if taken(&e) => continue,
            outcome => return Some(outcome),
        }
    }
    None
}

/// `name`, then `stem-1.ext`, `stem-2.ext`… (the extension is what follows the
/// last dot; a name without one gets `name-1`…), up to [`MAX_TRIES`] names.
pub fn numbered(name: &str) -> impl Iterator<Item = String> + '_ {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, Some(ext)),
        _ => (name, None),
    };
    (0..MAX_TRIES).map(move |n| match (n, ext) {
        (0, _) => name.to_string(),
        (n, Some(ext)) => format!("{stem}-{n}.{ext}"),
        (n, None) => format!("{stem}-{n}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_keep_the_extension() {
        let names: Vec<String> = numbered("report.pdf").take(3).collect();
        assert_eq!(names, ["report.pdf", "report-1.pdf", "report-2.pdf"]);
        let names: Vec<String> = numbered("notes").take(2).collect();
        assert_eq!(names, ["notes", "notes-1"]);
        let names: Vec<String> = numbered(".hidden").take(2).collect();
        assert_eq!(names, [".hidden", ".hidden-1"]);
    }

    #[test]
    fn the_first_name_not_taken_wins() {
        let taken = ["a", "a-1"];
        let got = first_free(
            numbered("a"),
            |name| if taken.contains(&name) { Err("taken") } else { Ok(name.to_string()) },
            |e| *e == "taken",
        );
        assert_eq!(got, Some(Ok("a-2".to_string())));
        let failed: Option<Result<(), &str>> =
            first_free(numbered("a"), |_| Err("disk full"), |e| *e == "taken");
        assert_eq!(failed, Some(Err("disk full")));
        let none: Option<Result<(), &str>> =
            first_free(["x".to_string()], |_| Err("taken"), |e| *e == "taken");
        assert_eq!(none, None);
    }
}
