//! Big digits for the hall screen: each character drawn 3 wide and 5 tall with block glyphs,
//! optionally scaled up (each ink cell `scale` columns wide and `scale` rows tall) so a
//! number reads across a room on a large screen.

const FONT: [(char, [&str; 5]); 15] = [
    ('0', ["###", "# #", "# #", "# #", "###"]),
    ('1', [" # ", "## ", " # ", " # ", "###"]),
    ('2', ["###", "  #", "###", "#  ", "###"]),
    ('3', ["###", "  #", "###", "  #", "###"]),
    ('4', ["# #", "# #", "###", "  #", "  #"]),
    ('5', ["###", "#  ", "###", "  #", "###"]),
    ('6', ["###", "#  ", "###", "# #", "###"]),
    ('7', ["###", "  #", "  #", "  #", "  #"]),
    ('8', ["###", "# #", "###", "# #", "###"]),
    ('9', ["###", "# #", "###", "  #", "###"]),
    (':', ["   ", " # ", "   ", " # ", "   "]),
    ('%', ["# #", "  #", " # ", "#  ", "# #"]),
    ('-', ["   ", "   ", "###", "   ", "   "]),
    ('.', ["   ", "   ", "   ", "   ", " # "]),
    (' ', ["   ", "   ", "   ", "   ", "   "]),
];

/// The rows one big character takes at `scale`.
pub(crate) const fn height(scale: usize) -> usize {
    5 * scale
}

/// The columns `text` takes at `scale` (each character 3 cells and a gap of one, scaled).
pub fn width(text: &str, scale: usize) -> usize {
    text.chars().count() * 4 * scale
}

/// `text` in big characters, each ink cell `scale`×`scale`: `5 × scale` lines, each
/// [`width`] columns wide (`block` must be one column wide).
pub fn scaled(text: &str, block: &str, scale: usize) -> Vec<String> {
    let scale = scale.max(1);
    let mut rows = vec![String::new(); 5];
    for c in text.chars() {
        let glyph = FONT
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(FONT[FONT.len() - 1].1, |(_, g)| *g);
        for (row, part) in rows.iter_mut().zip(glyph) {
            for cell in part.chars() {
                let ink = if cell == '#' { block } else { " " };
                row.push_str(&ink.repeat(scale));
            }
            row.push_str(&" ".repeat(scale));
        }
    }
    rows.into_iter()
        .flat_map(|r| std::iter::repeat_n(r, scale))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Five lines spelling `text` (digits, `:`, `%`, `-`, `.` and spaces) with `block` as the ink.
    fn big_lines(text: &str, block: &str) -> [String; 5] {
        let mut rows: [String; 5] = Default::default();
        for (row, line) in rows.iter_mut().zip(scaled(text, block, 1)) {
            *row = line;
        }
        rows
    }

    #[test]
    fn digits_are_five_lines_of_equal_width() {
        let lines = big_lines("17 08:12", "█");
        assert!(lines.iter().all(|l| l.chars().count() == 8 * 4));
        assert_eq!(lines[0].chars().take(3).collect::<String>(), " █ ");
    }

    #[test]
    fn scaled_digits_grow_both_ways() {
        let lines = scaled("85%", "█", 3);
        assert_eq!(lines.len(), height(3));
        assert!(lines.iter().all(|l| l.chars().count() == width("85%", 3)));
        assert_eq!(lines[0].chars().take(9).collect::<String>(), "█".repeat(9));
        assert_eq!(lines[0], lines[2], "each row of ink is three rows tall");
    }
}
