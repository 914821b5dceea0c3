//! Opening a CSV file as a coach's spreadsheet program saved it: the text encoding, the
//! delimiter, and a reader that reports how far through the file it is.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};
use crate::store;

/// The text encodings a CSV arrives in. Spreadsheet programs save UTF-8 (with or without a
/// byte-order mark); older Excel versions on Windows save the Windows code page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// Latin-1 as Windows writes it (Windows-1252, a superset of ISO 8859-1).
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Windows1252 => "Latin-1 (Windows-1252)",
        }
    }
}

/// How much of the start of a file is looked at to tell its encoding and delimiter.
const SNIFF_BYTES: usize = 64 * 1024;

/// What the start of the file says about how to read the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileShape {
    pub encoding: TextEncoding,
    /// The part looked at is plain ASCII, which UTF-8 and Latin-1 write alike: the rest of the
    /// file decides which of the two it is.
    pub head_is_ascii: bool,
    pub delimiter: u8,
    pub total_bytes: u64,
    /// The last row has a line break after it, as spreadsheet programs write it.
    pub ends_with_line_break: bool,
}

pub fn sniff(path: &Path) -> Result<FileShape> {
    let mut file = open(path)?;
    let total_bytes = file.metadata().map_err(|source| store::io_error(path, source))?.len();
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut file).take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(|source| store::io_error(path, source))?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::invalid(
            "file",
            "This file is UTF-16 text (Excel's “Unicode text”); save it as “CSV UTF-8” and choose it again",
        ));
    }
    if head.iter().take(1024).filter(|&&b| b == 0).count() > 0 {
        return Err(Error::invalid("file", "This file is not text; choose a CSV file saved by a spreadsheet program"));
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let encoding = if is_utf8_prefix(text, head.len() as u64 == total_bytes) {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    };
    let ends_with_line_break = if head.len() as u64 == total_bytes {
        head.ends_with(b"\n")
    } else {
        let mut last = [0u8];
        file.seek(SeekFrom::End(-1))
            .and_then(|_| file.read_exact(&mut last))
            .map_err(|source| store::io_error(path, source))?;
        last == *b"\n"
    };
    Ok(FileShape {
        encoding,
        head_is_ascii: text.is_ascii(),
        delimiter: delimiter_of_first_line(text),
        total_bytes,
        ends_with_line_break,
    })
}

/// Whether `bytes` is UTF-8, allowing a character cut in two at the end when the file goes on.
fn is_utf8_prefix(bytes: &[u8], whole_file: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(error) => !whole_file && error.error_len().is_none(),
    }
}

/// The delimiter of the header line: the one of comma, semicolon and tab found most often
/// outside quotes (Excel writes semicolons where the decimal mark is a comma).
fn delimiter_of_first_line(text: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in text {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last of equals: reversed, a tie goes to the comma.
    counts.iter().rev().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|source| store::io_error(path, source))
}

/// Counts the bytes read through it, so a long import can say how far it has come.
pub struct Counted<R> {
    inner: R,
    pub bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// A CSV file read as a stream, counting the bytes read.
pub type CsvReader = csv::Reader<Counted<BufReader<File>>>;

/// A CSV reader over the file with the sniffed delimiter. Rows may have more or fewer fields
/// than the header: each such row is reported on its own rather than stopping the file.
pub fn reader(path: &Path, shape: &FileShape) -> Result<CsvReader> {
    let counted = Counted { inner: BufReader::new(open(path)?), bytes: 0 };
    Ok(csv::ReaderBuilder::new().delimiter(shape.delimiter).flexible(true).has_headers(false).from_reader(counted))
}

/// One cell as text, in the file's encoding. `None` when a UTF-8 file has bytes that are not
/// UTF-8 further down than the part looked at first.
pub fn cell_text(bytes: &[u8], encoding: TextEncoding) -> Option<String> {
    match encoding {
        TextEncoding::Utf8 => std::str::from_utf8(bytes).ok().map(str::to_owned),
        TextEncoding::Windows1252 => Some(encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()),
    }
}

/// The header cells, without a UTF-8 byte-order mark in front of the first.
pub fn header_texts(record: &csv::ByteRecord, encoding: TextEncoding) -> Result<Vec<String>> {
    record
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            let bytes = if i == 0 { bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes) } else { bytes };
            cell_text(bytes, encoding)
                .map(|t| t.trim().to_owned())
                .ok_or_else(|| Error::invalid("file", "The header row is not UTF-8 text"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_used_most_outside_quotes() {
        assert_eq!(delimiter_of_first_line(b"Name;E-mail;\"Tags, many\"\nA;b;c"), b';');
        assert_eq!(delimiter_of_first_line(b"Name,E-mail;x\n"), b',');
        assert_eq!(delimiter_of_first_line(b"Name\tPhone\n"), b'\t');
        assert_eq!(delimiter_of_first_line(b"Name\n"), b',');
    }

    #[test]
    fn a_character_cut_at_the_end_of_the_sniffed_part_is_still_utf8() {
        let text = "Zoë".as_bytes();
        assert!(is_utf8_prefix(&text[..3], false));
        assert!(!is_utf8_prefix(&text[..3], true));
        assert!(!is_utf8_prefix(b"Zo\xEB,", false));
    }
}
