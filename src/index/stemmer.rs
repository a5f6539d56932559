//! Snowball's English stemmer, the one tantivy's `Stemmer` runs (the same
//! stems, so indexes and queries agree with any built before), with a
//! memory of the words it has stemmed. Stemming was the largest single cost
//! of a build (about a sixth of its time on the UN corpus); words repeat
//! (the commonest few thousand make most of any text), so each tokenizer
//! remembers the stems it computed, up to a bound.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Stems remembered by one tokenizer; past this the memory starts again, so
/// that it stays a few megabytes whatever the corpus.
const REMEMBERED: usize = 1 << 16;

/// The filter: English stems, remembered.
#[derive(Clone, Copy, Debug, Default)]
pub struct EnglishStemmer;

impl TokenFilter for EnglishStemmer {
    type Tokenizer<T: Tokenizer> = StemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemmerFilter<T> {
        StemmerFilter {
            inner: tokenizer,
            stems: FxHashMap::default(),
        }
    }
}

pub struct StemmerFilter<T> {
    inner: T,
    stems: FxHashMap<Box<str>, Box<str>>,
}

/// A copy starts with an empty memory: tantivy clones the registered
/// analyzer for every segment writer and every query.
impl<T: Clone> Clone for StemmerFilter<T> {
    fn clone(&self) -> Self {
        StemmerFilter {
            inner: self.inner.clone(),
            stems: FxHashMap::default(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for StemmerFilter<T> {
    type TokenStream<'a> = StemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let StemmerFilter { inner, stems } = self;
        StemmerStream {
            tail: inner.token_stream(text),
            stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct StemmerStream<'a, T> {
    tail: T,
    stems: &'a mut FxHashMap<Box<str>, Box<str>>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for StemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        if self.stems.len() >= REMEMBERED {
            self.stems.clear();
        }
        let stem: Box<str> = self.stemmer.stem(&token.text).into();
        let word = std::mem::replace(&mut token.text, stem.to_string());
        self.stems.insert(word.into_boxed_str(), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{Language, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_are_tantivys_and_the_same_when_remembered() {
        let text = "The nations negotiated; negotiations between nations continued, \
                    peacefully and generously, as the peoples' generosity grew";
        let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(EnglishStemmer)
            .build();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(Stemmer::new(Language::English))
            .build();
        let want = tokens(&mut theirs, text);
        assert!(want.contains(&"negoti".to_string()), "{want:?}");
        // the second time every word is remembered
        assert_eq!(tokens(&mut ours, text), want);
        assert_eq!(tokens(&mut ours, text), want);
    }

    #[test]
    fn the_memory_stays_bounded_and_the_stems_right() {
        let mut filter = EnglishStemmer.transform(SimpleTokenizer::default());
        let words: Vec<String> = (0..REMEMBERED + 1000)
            .map(|n| format!("nations{n}x"))
            .collect();
        for chunk in words.chunks(500) {
            let text = chunk.join(" ");
            let mut stream = filter.token_stream(&text);
            while stream.advance() {}
            assert!(filter.stems.len() <= REMEMBERED);
        }
        assert!(filter.stems.len() < REMEMBERED, "the memory started again");
        let mut stream = filter.token_stream("nations negotiated nations");
        let mut stems = Vec::new();
        while stream.advance() {
            stems.push(stream.token().text.clone());
        }
        assert_eq!(stems, ["nation", "negoti", "nation"]);
    }
}
