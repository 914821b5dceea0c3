//! Text of a realistic length, assembled from a language's sentences.

use rand::rngs::ChaCha8Rng;
use rand::seq::IndexedRandom;
use rand::RngExt;

use super::languages::{Language, RARE_WORDS};

/// How often an answer of an English-writing client mentions one of the rare words.
const RARE_WORD_ONE_IN: u32 = 400;

/// Picks one of `items`, which is never empty (the lists in `languages` are constants).
pub(super) fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    *items.choose(rng).expect("a non-empty list")
}

/// Between `min` and `max` characters of `language`'s sentences, in paragraphs of three to
/// five sentences. Short lengths are more likely than long ones, as in real notes: most
/// answers run to a few hundred characters, some to a few thousand.
pub(super) fn passage(rng: &mut ChaCha8Rng, language: &Language, min: usize, max: usize) -> String {
    let spread = rng.random_range(0.0..1.0f64).powi(2);
    let target = min + ((max - min) as f64 * spread) as usize;
    let mut text = String::with_capacity(target + 200);
    let mut chars = 0;
    let mut in_paragraph = 0;
    let mut paragraph_length = rng.random_range(3..=5);
    while chars < target {
        if in_paragraph == paragraph_length {
            text.push_str("\n\n");
            in_paragraph = 0;
            paragraph_length = rng.random_range(3..=5);
        } else if in_paragraph > 0 {
            text.push_str(language.separator);
        }
        let sentence = pick(rng, language.sentences);
        text.push_str(sentence);
        chars += sentence.chars().count() + 1;
        in_paragraph += 1;
    }
    if language.separator == " " && rng.random_ratio(1, RARE_WORD_ONE_IN) {
        let word = pick(rng, &RARE_WORDS);
        text.push_str(&format!(" ({word})"));
    }
    text
}

/// One sentence of `language`, for a short field such as what someone in the client's
/// system wants.
pub(super) fn sentence(rng: &mut ChaCha8Rng, language: &Language) -> String {
    pick(rng, language.sentences).to_owned()
}
