//! Text that differs from its source (markers removed, line breaks folded,
//! JSON escapes decoded) together with the map back to source byte offsets.

/// Maps byte offsets of a cleaned text to byte offsets of its source.
///
/// It stores one point wherever the two stop moving together, so a text
/// copied verbatim costs one point however long it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(text_offset, source_offset)`, sorted by text offset.
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// A map that shifts every offset by `base`.
    pub fn shifted(base: usize) -> Self {
        OffsetMap {
            points: vec![(0, base)],
        }
    }

    pub fn to_source(&self, text_offset: usize) -> usize {
        let i = self.points.partition_point(|&(t, _)| t <= text_offset);
        match i {
            0 => text_offset,
            _ => {
                let (t, s) = self.points[i - 1];
                s + (text_offset - t)
            }
        }
    }

    /// The map of `text[start..end]`, whose offsets count from `start`.
    pub fn slice(&self, start: usize, end: usize) -> OffsetMap {
        let mut points = vec![(0, self.to_source(start))];
        points.extend(
            self.points
                .iter()
                .filter(|&&(t, _)| t > start && t < end)
                .map(|&(t, s)| (t - start, s)),
        );
        OffsetMap { points }
    }

    /// The map of a text cleaned from this map's text: `inner` maps the new
    /// text to this map's text, the result maps it to the original source.
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        // Each point of either map is a place where the composition may bend.
        let mut bends: Vec<usize> = vec![0];
        bends.extend(inner.points.iter().map(|&(t, _)| t));
        for &(mid, _) in &self.points {
            // The text offset of `inner` that lands on `mid`; before its first
            // point, `inner` is the identity.
            let i = inner.points.partition_point(|&(_, s)| s <= mid);
            bends.push(match i {
                0 => mid,
                _ => {
                    let (t, s) = inner.points[i - 1];
                    t + (mid - s)
                }
            });
        }
        bends.sort_unstable();
        bends.dedup();
        let mut points: Vec<(usize, usize)> = Vec::with_capacity(bends.len());
        for t in bends {
            let s = self.to_source(inner.to_source(t));
            if let Some(&(pt, ps)) = points.last()
                && ps + (t - pt) == s
            {
                continue;
            }
            points.push((t, s));
        }
        OffsetMap { points }
    }
}

/// A text under construction, with the source offset of everything in it.
#[derive(Debug, Clone, Default)]
pub struct CleanText {
    pub text: String,
    pub map: OffsetMap,
}

impl CleanText {
    pub fn with_capacity(n: usize) -> Self {
        CleanText {
            text: String::with_capacity(n),
            map: OffsetMap::default(),
        }
    }

    /// Appends `s`, which stands at `source_offset` in the source.
    pub fn push_str(&mut self, s: &str, source_offset: usize) {
        self.note(source_offset);
        self.text.push_str(s);
    }

    /// Appends `c`, standing for the source bytes that start at `source_offset`.
    pub fn push(&mut self, c: char, source_offset: usize) {
        self.note(source_offset);
        self.text.push(c);
    }

    fn note(&mut self, source_offset: usize) {
        let t = self.text.len();
        let in_step = match self.map.points.last() {
            Some(&(pt, ps)) => ps + (t - pt) == source_offset,
            None => t == source_offset,
        };
        if !in_step {
            self.map.points.push((t, source_offset));
        }
    }

    pub fn ends_with_whitespace(&self) -> bool {
        self.text
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_text_maps_with_one_point() {
        let mut c = CleanText::default();
        c.push_str("hello world", 10);
        assert_eq!(c.map.to_source(0), 10);
        assert_eq!(c.map.to_source(6), 16);
        assert_eq!(c.map.points.len(), 1);
    }

    #[test]
    fn removed_bytes_shift_what_follows() {
        // "ab[1] cd" with "[1] " removed → "ab cd"? here: "ab" + "cd" from offset 6
        let mut c = CleanText::default();
        c.push_str("ab", 0);
        c.push_str("cd", 6);
        assert_eq!(c.text, "abcd");
        assert_eq!(c.map.to_source(1), 1);
        assert_eq!(c.map.to_source(2), 6);
        assert_eq!(c.map.to_source(3), 7);
        let s = c.map.slice(1, 4);
        assert_eq!(s.to_source(0), 1);
        assert_eq!(s.to_source(1), 6);
    }

    #[test]
    fn composition_follows_both_maps() {
        // outer: text "xyz" stands at source 100..103 but "z" at 200
        let mut outer = CleanText::default();
        outer.push_str("xy", 100);
        outer.push_str("z", 200);
        // inner: drops "y"
        let mut inner = CleanText::default();
        inner.push_str("x", 0);
        inner.push_str("z", 2);
        let m = outer.map.compose(&inner.map);
        assert_eq!(m.to_source(0), 100);
        assert_eq!(m.to_source(1), 200);
    }

    #[test]
    fn composition_with_an_identity_inner_map_keeps_the_outer_shift() {
        let mut outer = CleanText::default();
        outer.push_str("abc", 100);
        outer.push_str("def", 200);
        let mut inner = CleanText::default();
        inner.push_str("abcdef", 0);
        let m = outer.map.compose(&inner.map);
        assert_eq!(m.to_source(0), 100);
        assert_eq!(m.to_source(3), 200);
        let mut trimmed = CleanText::default();
        trimmed.push_str("bcdef", 1);
        let m = outer.map.compose(&trimmed.map);
        assert_eq!(m.to_source(0), 101);
        assert_eq!(m.to_source(2), 200);
    }
}
