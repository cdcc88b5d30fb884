//! A one-line text input that respects Chinese: the cursor moves by what shows as one
//! character (a grapheme: a family emoji is one), widths are display widths, and no control
//! character is ever kept.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Text and a cursor (a grapheme index, 0..=len).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    pub(crate) fn new(text: &str) -> TextInput {
        let mut input = TextInput::default();
        input.insert(text);
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The display column of the cursor.
    pub(crate) fn cursor_column(&self) -> usize {
        self.text[..self.byte_at(self.cursor)].width()
    }

    fn byte_at(&self, graphemes: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .nth(graphemes)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.graphemes(true).count()
    }

    /// Inserts typed or pasted text at the cursor, made inert: line breaks and tabs become
    /// spaces, other control characters (escape sequences included) are dropped.
    pub(crate) fn insert(&mut self, s: &str) {
        let clean = crate::sanitize::inert(s);
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor = self.text[..at + clean.len()].graphemes(true).count();
    }

    pub(crate) fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let start = self.byte_at(self.cursor - 1);
        let end = self.byte_at(self.cursor);
        self.text.replace_range(start..end, "");
        self.cursor -= 1;
    }

    pub(crate) fn delete(&mut self) {
        if self.cursor >= self.len() {
            return;
        }
        let start = self.byte_at(self.cursor);
        let end = self.byte_at(self.cursor + 1);
        self.text.replace_range(start..end, "");
    }

    pub(crate) fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub(crate) fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub(crate) fn home(&mut self) {
        self.cursor = 0;
    }

    pub(crate) fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Ctrl-w: deletes the word before the cursor (spaces, then a run of non-spaces).
    pub(crate) fn delete_word(&mut self) {
        let graphemes: Vec<&str> = self.text.graphemes(true).collect();
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut start = self.cursor;
        while start > 0 && blank(graphemes[start - 1]) {
            start -= 1;
        }
        while start > 0 && !blank(graphemes[start - 1]) {
            start -= 1;
        }
        let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    /// Ctrl-u: deletes everything before the cursor.
    pub(crate) fn delete_to_start(&mut self) {
        let at = self.byte_at(self.cursor);
        self.text.replace_range(..at, "");
        self.cursor = 0;
    }

    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// The part to show in `width` columns and the cursor's column within it: scrolls so the
    /// cursor stays visible, never splitting a wide character.
    pub(crate) fn view(&self, width: usize) -> (String, usize) {
        let width = width.max(1);
        let cursor_col = self.cursor_column();
        let mut skip = 0;
        let mut skipped_cols = 0;
        let graphemes: Vec<&str> = self.text.graphemes(true).collect();
        while cursor_col - skipped_cols >= width && skip < graphemes.len() {
            skipped_cols += graphemes[skip].width();
            skip += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for g in &graphemes[skip..] {
            let w = g.width();
            if used + w > width {
                break;
            }
            shown.push_str(g);
            used += w;
        }
        (shown, cursor_col - skipped_cols)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl TextInput {
        /// The cursor as a grapheme index (what these tests check the moves by).
        fn cursor(&self) -> usize {
            self.cursor
        }
    }

    #[test]
    fn cursor_moves_by_character_and_width() {
        let mut i = TextInput::new("顶管a开工");
        assert_eq!((i.cursor(), i.cursor_column()), (5, 9));
        i.left();
        i.left();
        assert_eq!((i.cursor(), i.cursor_column()), (3, 5));
        i.home();
        i.right();
        assert_eq!(i.cursor_column(), 2);
        i.end();
        assert_eq!(i.cursor(), 5);
    }

    #[test]
    fn backspace_and_delete_remove_a_whole_wide_character() {
        let mut i = TextInput::new("许可已下达");
        i.backspace();
        assert_eq!(i.text(), "许可已下");
        i.home();
        i.delete();
        assert_eq!(i.text(), "可已下");
        i.home();
        i.backspace();
        assert_eq!(i.text(), "可已下");
    }

    #[test]
    fn paste_of_chinese_keeps_text_and_drops_controls() {
        let mut i = TextInput::new("节点");
        i.home();
        i.insert("设备\u{1b}[31m进场\n第二行\u{7}");
        assert_eq!(i.text(), "设备[31m进场 第二行节点");
        assert_eq!(i.cursor(), 12);
    }

    #[test]
    fn a_pasted_family_emoji_stays_one_glyph() {
        let mut i = TextInput::new("");
        i.insert("家\u{200B}庭👨\u{200D}👩\u{200D}👧");
        assert_eq!(i.text(), "家庭👨\u{200D}👩\u{200D}👧");
        assert_eq!(i.cursor_column(), 6);
    }

    #[test]
    fn a_family_emoji_is_one_step_and_one_backspace() {
        let mut i = TextInput::new("家👨\u{200D}👩\u{200D}👧");
        assert_eq!(i.cursor(), 2);
        i.left();
        assert_eq!(i.cursor_column(), 2);
        i.end();
        i.backspace();
        assert_eq!(i.text(), "家");
        assert!(!i.text().contains('\u{200D}'));
    }

    #[test]
    fn ctrl_w_and_ctrl_u() {
        let mut i = TextInput::new("完成 顶管 施工");
        i.delete_word();
        assert_eq!(i.text(), "完成 顶管 ");
        i.delete_word();
        assert_eq!(i.text(), "完成 ");
        i.insert("签约");
        i.left();
        i.delete_to_start();
        assert_eq!((i.text(), i.cursor()), ("约", 0));
    }

    #[test]
    fn view_scrolls_to_keep_the_cursor_visible() {
        let i = TextInput::new("一二三四五六七八");
        let (shown, col) = i.view(7);
        assert!(shown.width() <= 7);
        assert!(col < 7, "{col}");
        assert!(shown.ends_with('八'));
        let mut j = i.clone();
        j.home();
        assert_eq!(j.view(7), ("一二三".to_owned(), 0));
        for w in 1..6 {
            let (s, c) = i.view(w);
            assert!(s.width() <= w && c <= w, "{w}");
        }
    }
}
