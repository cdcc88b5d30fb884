//! Big digits for the hall screen: each character drawn 3 wide and 5 tall with block glyphs.

const FONT: [(char, [&str; 5]); 12] = [
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
    (' ', ["   ", "   ", "   ", "   ", "   "]),
];

/// Five lines spelling `text` (digits, `:` and spaces) with `block` as the ink.
pub fn big_lines(text: &str, block: &str) -> [String; 5] {
    let mut rows: [String; 5] = Default::default();
    for c in text.chars() {
        let glyph = FONT
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(FONT[11].1, |(_, g)| *g);
        for (row, part) in rows.iter_mut().zip(glyph) {
            row.push_str(&part.replace('#', block));
            row.push(' ');
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_five_lines_of_equal_width() {
        let lines = big_lines("17 08:12", "█");
        assert!(lines.iter().all(|l| l.chars().count() == 8 * 4));
        assert_eq!(lines[0].chars().take(3).collect::<String>(), " █ ");
    }
}
