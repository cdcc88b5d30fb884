//! The lean backend draws what ratatui's would: a terminal emulator fed its bytes shows the
//! same characters and styles as the buffer, frame after frame, in fewer bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::{Terminal, TerminalOptions, Viewport};

use bairi::term::backend::LeanBackend;
use support::Shared;

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero")
}

const W: u16 = 40;
const H: u16 = 6;

fn terminal() -> Terminal<LeanBackend<Vec<u8>>> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    };
    Terminal::with_options(LeanBackend::new(Vec::new()), options).expect("terminal")
}

/// Draws `lines` and returns the bytes written for that frame.
fn frame(t: &mut Terminal<LeanBackend<Vec<u8>>>, lines: Vec<Line<'static>>) -> Vec<u8> {
    t.draw(|f| f.render_widget(Paragraph::new(lines), f.area()))
        .expect("draw");
    std::mem::take(t.backend_mut().writer_mut())
}

fn screens() -> Vec<Vec<Line<'static>>> {
    let red = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
    let sel = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    vec![
        vec![
            Line::from("第83天/100 · 剩余17天 14:00:00"),
            Line::from(vec![
                Span::styled("●红灯", red),
                Span::raw(" 城区供热管网改造"),
            ]),
            Line::from(vec![Span::styled("▶开展变电站建设(第2项)", sel)]),
            Line::from(vec![
                Span::styled("emoji 🔥 ok", Style::new().fg(Color::Indexed(208))),
                Span::styled(" rgb", Style::new().bg(Color::Rgb(1, 2, 3))),
            ]),
            Line::from(vec![Span::styled(
                "下划线",
                Style::new()
                    .add_modifier(Modifier::UNDERLINED | Modifier::DIM)
                    .underline_color(Color::Blue),
            )]),
        ],
        vec![
            Line::from("第83天/100 · 剩余17天 13:59:59"),
            Line::from(vec![
                Span::styled("▶●红灯", sel),
                Span::raw(" 城区供热管网改造"),
            ]),
            Line::from(vec![Span::raw(" 开展变电站建设(第2项)")]),
            Line::from(vec![Span::styled(
                "emoji 🔥 ok",
                Style::new().fg(Color::Gray),
            )]),
            Line::from("ascii only"),
        ],
    ]
}

/// What a terminal shows after these bytes, as text, with bold/reverse/colour of each cell.
fn shown(parser: &vt100::Parser) -> (String, Vec<(bool, bool, vt100::Color)>) {
    let screen = parser.screen();
    let mut looks = Vec::new();
    for y in 0..H {
        for x in 0..W {
            if let Some(c) = screen.cell(y, x) {
                looks.push((c.bold(), c.inverse(), c.fgcolor()));
            }
        }
    }
    (screen.contents(), looks)
}

fn ratatuis() -> (Terminal<ratatui::backend::CrosstermBackend<Shared>>, Shared) {
    let bytes = Shared::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    };
    let backend = ratatui::backend::CrosstermBackend::new(bytes.clone());
    let t = Terminal::with_options(backend, options).expect("terminal");
    (t, bytes)
}

#[test]
fn the_screen_is_the_one_ratatuis_backend_would_draw() {
    let mut t = terminal();
    let (mut theirs, bytes) = ratatuis();
    let mut parser = vt100::Parser::new(nz(H), nz(W), 0);
    let mut reference = vt100::Parser::new(nz(H), nz(W), 0);
    for lines in screens() {
        parser.process(&frame(&mut t, lines.clone()));
        theirs
            .draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area()))
            .expect("draw");
        reference.process(&bytes.take());
        assert_eq!(shown(&parser), shown(&reference));
    }
}

#[test]
fn no_cursor_move_inside_a_run_of_chinese_but_one_after_an_emoji() {
    let mut t = terminal();
    let first = frame(&mut t, screens()[0].clone());
    let text = String::from_utf8_lossy(&first).into_owned();
    assert!(text.contains("剩余17天"), "{text:?}");
    assert!(text.contains("城区供热管网改造"), "{text:?}");
    // Row 4 (1-based) holds the emoji: the cursor is placed again right after it.
    assert!(text.contains("🔥\u{1b}[4;9H"), "{text:?}");
    assert!(
        text.contains("\u{1b}[31") || text.contains(";31"),
        "short colour codes: {text:?}"
    );
    assert!(!text.contains("38;5;1;"), "{text:?}");
}

#[test]
fn moving_a_selection_costs_few_bytes_and_nothing_changed_costs_none() {
    let mut t = terminal();
    let screens = screens();
    frame(&mut t, screens[0].clone());
    assert!(frame(&mut t, screens[0].clone()).is_empty());
    let moved = frame(&mut t, screens[1].clone());
    let (mut plain, bytes) = ratatuis();
    let mut theirs = 0;
    for lines in &screens {
        plain
            .draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area()))
            .expect("draw");
        theirs = bytes.take().len();
    }
    assert!(
        moved.len() * 3 < theirs * 2,
        "{} bytes here, {theirs} with ratatui's backend",
        moved.len()
    );
}
