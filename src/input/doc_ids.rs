//! Document ids: the key every row of a document carries, unique within a run.
//!
//! An id is the file's stem (`公报` for `2024/公报.txt`), which is what a
//! reader expects and what stays stable from run to run. Inputs that share a
//! stem (`2023/公报.txt` and `2024/公报.txt`, `page.htm` and `page.html`) each
//! take a longer name instead, the first of these that no other input of the
//! run has:
//! 1. the path relative to the folder it was found in, extension kept and
//!    `/` between folders (`2023/公报.txt`);
//! 2. the path as given on the command line;
//! 3. that path with `#2`, `#3`… in input order (the same file named twice).

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A found input: the path given on the command line (`root`) and the file
/// under it (`path`; the same as `root` for a file named directly).
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    /// The file or folder named on the command line.
    pub root: &'a Path,
    /// The input itself.
    pub path: &'a Path,
}

/// The ways to name an input, shortest first.
const NAMINGS: [fn(Found) -> String; 3] = [stem, relative, as_given];

/// The id of an input named on its own: the file's stem.
pub fn stem(found: Found) -> String {
    found
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| as_given(found))
}

/// The path below the folder it was found in, with `/` between folders.
fn relative(found: Found) -> String {
    let below = found.path.strip_prefix(found.root).ok();
    match below.filter(|p| !p.as_os_str().is_empty()) {
        Some(below) => below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        None => found
            .path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| as_given(found)),
    }
}

fn as_given(found: Found) -> String {
    found.path.display().to_string()
}

/// One id per input, in input order, no two alike (see the module doc).
pub fn unique_ids(inputs: &[Found]) -> Vec<String> {
    let mut naming = vec![0usize; inputs.len()];
    let mut ids: Vec<String> = inputs.iter().map(|&f| stem(f)).collect();
    loop {
        let mut lengthened = false;
        for i in shared(&ids) {
            if naming[i] + 1 < NAMINGS.len() {
                naming[i] += 1;
                ids[i] = NAMINGS[naming[i]](inputs[i]);
                lengthened = true;
            }
        }
        if !lengthened {
            break;
        }
    }
    number_repeats(ids)
}

/// Indices of the ids that more than one input has.
fn shared(ids: &[String]) -> Vec<usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        *count.entry(id).or_default() += 1;
    }
    (0..ids.len())
        .filter(|&i| count[ids[i].as_str()] > 1)
        .collect()
}

/// The second and later of equal ids get `#2`, `#3`…, skipping any number
/// another id already has.
fn number_repeats(ids: Vec<String>) -> Vec<String> {
    let mut taken: HashSet<String> = ids.iter().cloned().collect();
    let mut seen: HashSet<String> = HashSet::new();
    ids.into_iter()
        .map(|id| {
            if seen.insert(id.clone()) {
                return id;
            }
            let numbered = (2..)
                .map(|n| format!("{id}#{n}"))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or_default();
            taken.insert(numbered.clone());
            numbered
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn ids(inputs: &[(&str, &str)]) -> Vec<String> {
        let paths: Vec<(PathBuf, PathBuf)> = inputs
            .iter()
            .map(|(r, p)| (PathBuf::from(r), PathBuf::from(p)))
            .collect();
        let found: Vec<Found> = paths
            .iter()
            .map(|(root, path)| Found { root, path })
            .collect();
        unique_ids(&found)
    }

    #[test]
    fn a_stem_no_other_input_has_is_the_id() {
        assert_eq!(
            ids(&[("news", "news/2024/公报.txt"), ("news", "news/page.html")]),
            ["公报", "page"]
        );
    }

    #[test]
    fn inputs_sharing_a_stem_take_their_path_below_the_folder() {
        assert_eq!(
            ids(&[
                ("archive", "archive/2023/公报.txt"),
                ("archive", "archive/2024/公报.txt"),
                ("archive", "archive/page.htm"),
                ("archive", "archive/page.html"),
                ("archive", "archive/other.txt"),
            ]),
            [
                "2023/公报.txt",
                "2024/公报.txt",
                "page.htm",
                "page.html",
                "other"
            ]
        );
    }

    #[test]
    fn files_named_directly_fall_back_to_the_path_given_then_a_number() {
        assert_eq!(
            ids(&[
                ("a/x.txt", "a/x.txt"),
                ("b/x.txt", "b/x.txt"),
                ("b/x.txt", "b/x.txt"),
            ]),
            ["a/x.txt", "b/x.txt", "b/x.txt#2"]
        );
    }

    #[test]
    fn a_longer_name_that_meets_a_stem_lengthens_both() {
        // `page.htm` is both the relative path of one input and the stem of
        // `page.htm.txt`: all three end unique.
        let got = ids(&[
            ("d", "d/page.htm"),
            ("d", "d/page.html"),
            ("d", "d/page.htm.txt"),
        ]);
        let unique: HashSet<&String> = got.iter().collect();
        assert_eq!(unique.len(), 3, "{got:?}");
        assert_eq!(got[1], "page.html");
    }
}
