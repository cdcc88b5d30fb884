//! The tree against `toml_edit`: the same texts accepted, the same values and value spans.

use proptest::prelude::*;

use super::*;

mod big;

fn float(x: f64) -> String {
    if x.is_nan() {
        "nan".to_owned()
    } else {
        format!("{x:?}")
    }
}

fn edit_value(v: &toml_edit::Value) -> String {
    use toml_edit::Value as V;
    let at = v.span().map_or(String::new(), |s| format!("@{s:?}"));
    match v {
        V::String(s) => format!("s{:?}{at}", s.value()),
        V::Integer(n) => format!("i{}{at}", n.value()),
        V::Float(x) => format!("f{}{at}", float(*x.value())),
        V::Boolean(b) => format!("b{}{at}", b.value()),
        V::Datetime(d) => format!("d{}{at}", d.value()),
        V::Array(a) => format!(
            "[{}]",
            a.iter().map(edit_value).collect::<Vec<_>>().join(",")
        ),
        V::InlineTable(t) => {
            let mut keys: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{k:?}={}", edit_value(v)))
                .collect();
            keys.sort();
            format!("{{{}}}", keys.join(","))
        }
    }
}

fn edit_item(item: &toml_edit::Item) -> String {
    match item {
        toml_edit::Item::None => "none".to_owned(),
        toml_edit::Item::Value(v) => edit_value(v),
        toml_edit::Item::Table(t) => edit_table(t),
        toml_edit::Item::ArrayOfTables(a) => {
            format!(
                "[{}]",
                a.iter().map(edit_table).collect::<Vec<_>>().join(",")
            )
        }
    }
}

fn edit_table(t: &toml_edit::Table) -> String {
    let mut keys: Vec<String> = t
        .iter()
        .map(|(k, v)| format!("{k:?}={}", edit_item(v)))
        .collect();
    keys.sort();
    format!("{{{}}}", keys.join(","))
}

fn tree_item(item: &Item) -> String {
    let at = format!("@{:?}", item.span);
    match &item.value {
        Value::String(s) => format!("s{s:?}{at}"),
        Value::Integer(n) => format!("i{n}{at}"),
        Value::Float(x) => format!("f{}{at}", float(*x)),
        Value::Boolean(b) => format!("b{b}{at}"),
        Value::Datetime(d) => format!("d{d}{at}"),
        Value::Array(a) => format!(
            "[{}]",
            a.items.iter().map(tree_item).collect::<Vec<_>>().join(",")
        ),
        Value::Table(t) => tree_table(t),
    }
}

fn tree_table(t: &Table) -> String {
    let mut keys: Vec<String> = t
        .iter()
        .map(|(k, v)| format!("{:?}={}", k.name, tree_item(v)))
        .collect();
    keys.sort();
    format!("{{{}}}", keys.join(","))
}

/// Both parsers agree on `text`: both reject it, or both give the same values.
fn agree(text: &str) -> Result<(), String> {
    let edit = toml_edit::Document::parse(text);
    let tree = parse(text);
    match (&edit, &tree) {
        (Ok(doc), Ok(parsed)) => {
            let (a, b) = (edit_table(doc.as_table()), tree_table(&parsed.root));
            if a == b {
                Ok(())
            } else {
                Err(format!("values differ for {text:?}:\n{a}\n{b}"))
            }
        }
        (Err(_), Err(_)) => Ok(()),
        (Ok(_), Err(e)) => Err(format!("only toml_edit accepts {text:?}: {e:?}")),
        (Err(e), Ok(_)) => Err(format!("only the tree accepts {text:?}: {e}")),
    }
}

const CASES: &[&str] = &[
    "",
    "a = 1",
    "a = 1\na = 2",
    "a.b = 1\na.c = 2",
    "a.b = 1\n[a]",
    "a.b = 1\n[a.c]\nx = 1",
    "[a]\nb.c = 1\n[a.b]",
    "[a]\nb.c = 1\n[a.b.d]\nx = 1",
    "[a.b]\nx = 1\n[a]\ny = 2",
    "[a.b]\nx = 1\n[a]\nb.y = 2",
    "[a.b.c]\nz = 9\n[a]\nb.c.t = 1",
    "[a]\n[a]",
    "[[a]]\n[a]",
    "[a]\n[[a]]",
    "a = []\n[[a]]",
    "a = [1]\n[a.b]",
    "a = {b = 1}\n[a.c]",
    "a = {b = 1}\na.c = 2",
    "a = {b.c = 1, b.d = 2}",
    "a = {b = {c = 1}, b.d = 2}",
    "a = {b = 1, b = 2}",
    "[[t]]\nid = 1\n[[t.p]]\nx = 1\n[[t]]\nid = 2\n[t.q]\ny = 3\n[[t.p]]\nx = 2",
    "[[t]]\n[c]\n[[t.p]]\nx = 1",
    "x = \"\"\"\n[[t]]\n\"\"\"\n[[t]]\na = 1",
    "x = [\n[1, 2],\n[3]\n]\n[b]\nc = 1",
    "x = [\n  { a = 1 },\n]\n",
    "x = { a = 1, }",
    "x = {\n a = 1\n}",
    "d = 2026-09-01\nt = 07:30:00\ndt = 2026-09-01T07:30:00Z\nl = 2026-09-01T07:30:00",
    "d = 2026-13-01",
    "n = 0x1F\no = 0o17\nb = 0b101\nu = 1_000\nneg = -5",
    "n = 99999999999999999999",
    "f = 1.5\ne = 1e3\ni = inf\nm = -inf\nn = nan\np = +1_000.5",
    "s = 'lit'\nb = \"esc\\t\\u00e9\"\nml = '''\nraw\n'''\nmb = \"\"\"\nline \\\n  more\"\"\"",
    "s = \"bad \\q escape\"",
    "\"quoted key\" = 1\n'lit.key' = 2\na . b = 3",
    "名称 = \"中文\"",
    "[ a . b ]\nc = 1",
    "[[ a ]]\n[[ a . b ]]",
    "a = 1 # comment\n# only\n[b] # header comment\n",
    "a = [1, \"two\", 3.0]",
    "a =",
    "= 1",
    "[a",
    "a = 1 b = 2",
    "a = \"unterminated",
    "\u{feff}a = 1",
    "a = 1\r\nb = 2\r\n",
    "a = \"tab\tinside\"",
    "a = \"ctrl\u{7}inside\"",
    "# comment with ctrl \u{7}",
    "[a]\nb = 1\n[a.c]\n[a.c.d]\n[a]",
    "a.b.c = 1\na.b = 2",
    "a.b = 1\na.b.c = 2",
    "[a]\n[a.b]\n[a.b.c]\n[a.b]",
    "[[a.b]]\n[a]\nx = 1",
    "[[a.b]]\n[a.b.c]\nx = 1\n[[a.b]]\n[a.b.c]\nx = 2",
];

#[test]
fn agrees_with_toml_edit_on_the_cases() {
    let failures: Vec<String> = CASES.iter().filter_map(|t| agree(t).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn agrees_with_toml_edit_on_the_shipped_files() {
    for text in [
        include_str!("../../../assets/demo.toml"),
        include_str!("../../../assets/template.toml"),
        include_str!("../../../tests/fixtures/qinglan.toml"),
        include_str!("../../../config.example.toml"),
        &big::campaign_shaped(60, 7),
    ] {
        if let Err(e) = agree(text) {
            panic!("{}", &e[..e.len().min(3000)]);
        }
    }
}

#[test]
fn streams_the_elements_and_finds_their_regions() {
    let text = "a = 1\n[[t]]\nid = 1\n[[t.p]]\nx = 1\n\n# two\n[[t]]\nid = 2\n[c]\nk = 1\n[[t]]\nid = 3\n[d]\n[[t.p]]\n";
    let mut b = build::Builder::new(text, "t", Pieces::here(text));
    let mut ids = Vec::new();
    while b.step().is_ok_and(|more| more) {
        for item in b.take_streamed() {
            ids.push(
                item.as_table()
                    .and_then(|t| t.get("id"))
                    .and_then(Item::as_integer),
            );
        }
    }
    let parsed = b.finish().expect("valid");
    for item in b.take_streamed() {
        ids.push(
            item.as_table()
                .and_then(|t| t.get("id"))
                .and_then(Item::as_integer),
        );
    }
    assert_eq!(ids, [Some(1), Some(2), Some(3)]);
    let regions: Vec<Option<(&str, &str)>> = parsed
        .layout
        .elements
        .iter()
        .map(|r| {
            r.clone()
                .map(|r| (&text[r.range.clone()], &text[r.range.start..r.content_end]))
        })
        .collect();
    assert_eq!(
        regions,
        [
            Some((
                "[[t]]\nid = 1\n[[t.p]]\nx = 1\n\n# two\n",
                "[[t]]\nid = 1\n[[t.p]]\nx = 1"
            )),
            Some(("[[t]]\nid = 2\n", "[[t]]\nid = 2")),
            None,
        ]
    );
    assert_eq!(parsed.layout.after_last("t", text), Some(text.len()));
    let left = parsed.root.get("t").and_then(Item::as_array_of_tables);
    assert_eq!(left.map(<[Item]>::len), Some(3));
}

fn mutated() -> impl Strategy<Value = String> {
    let base = "schema_version = 1\n[campaign]\nname = \"活动\"\nstart = 2026-09-01\n\n[[tasks]]\nid = \"T01\"\nmilestones = [\n  { title = \"甲\", due = 2026-10-01, done = true },\n]\nlog = [{ date = 2026-09-02, text = \"a\\tb\" }]\n[[tasks.problems]]\nid = \"P1\"\n[tasks.light_override]\nlight = 'red'\n";
    let pieces = prop::sample::select(vec![
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        "=",
        ".",
        ",",
        "\n",
        " ",
        "\"",
        "'",
        "#",
        "a",
        "tasks",
        "1",
        "x.y",
        "\"\"\"",
        "2026-09-01",
        "[tasks]",
        "[[tasks]]\n",
        "= {",
        "} ",
        "\\",
    ]);
    (
        prop::collection::vec((0..base.len(), pieces, 0usize..3), 1..3),
        Just(base),
    )
        .prop_map(|(edits, base)| {
            let mut text = base.to_owned();
            for (at, piece, cut) in edits {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + cut).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, piece);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn agrees_with_toml_edit_on_mangled_campaigns(text in mutated()) {
        if let Err(e) = agree(&text) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// Everything a build yields: the streamed elements, the root and the layout, as text.
fn build_all(text: &str, piped: bool) -> Result<String, TreeError> {
    std::thread::scope(|scope| {
        let pieces = if piped {
            Pieces::start(text, scope)
        } else {
            Pieces::here(text)
        };
        let mut b = build::Builder::new(text, "tasks", pieces);
        let mut out = Vec::new();
        while b.step()? {
            out.extend(b.take_streamed().map(|i| tree_item(&i)));
        }
        let parsed = b.finish()?;
        out.extend(b.take_streamed().map(|i| tree_item(&i)));
        out.push(tree_table(&parsed.root));
        out.push(format!("{:?}", parsed.layout));
        Ok(out.join("\n"))
    })
}

#[test]
fn a_large_file_parsed_on_a_second_thread_gives_the_same_tree() {
    let text = big::campaign_shaped(600, 3);
    assert!(text.len() > 256 * 1024, "large enough to be piped");
    assert_eq!(build_all(&text, true), build_all(&text, false));
}

#[test]
fn an_error_deep_in_a_large_file_is_found_at_its_place_either_way() {
    let text = big::campaign_shaped(600, 3);
    for (find, bad) in [
        ("id = \"T00500\"", "id = \"T00500\nx"),
        ("id = \"T00400\"", "id = \"T00400\"\nid = 1"),
    ] {
        let at = text.find(find).expect("task in the text");
        let broken = format!("{}{bad}{}", &text[..at], &text[at + find.len()..]);
        let (piped, here) = (build_all(&broken, true), build_all(&broken, false));
        let err = piped.clone().expect_err("an error");
        assert_eq!(piped, here);
        let span = err.span.clone().expect("a place");
        assert!(
            span.start >= at && span.start < at + 30,
            "{err:?} near {at}"
        );
    }
}

#[test]
fn a_missing_line_break_is_named_not_printed() {
    let err = parse("a = 1 b = 2\n").expect_err("two keys on one line");
    assert!(!err.message.contains('\n'), "{:?}", err.message);
    assert!(err.message.contains("newline"), "{:?}", err.message);
}

#[test]
fn a_quote_expected_is_shown_as_it_is_typed() {
    for (text, quote) in [("a = \"x\n", "`\"`"), ("a = 'x\n", "`'`")] {
        let err = parse(text).expect_err("an unclosed string");
        assert!(err.message.contains(quote), "{:?}", err.message);
        assert!(!err.message.contains('\\'), "{:?}", err.message);
    }
}
