//! One table for every lesson: column headers and rows in, a `<table>` out that stacks each
//! row into a card on narrow screens, every cell labelled with its column's header.

use leptos::prelude::*;

/// One cell of a body row: what it shows, and an optional class and test id.
pub struct Cell {
    view: AnyView,
    class: Option<String>,
    testid: Option<&'static str>,
}

/// A cell showing `content`.
pub fn cell(content: impl IntoView + 'static) -> Cell {
    Cell {
        view: content.into_any(),
        class: None,
        testid: None,
    }
}

impl Cell {
    /// The cell with a CSS class (`muted`, `hit`, …).
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.class = Some(class.into());
        self
    }

    /// The cell with a `data-testid`.
    pub fn testid(mut self, testid: &'static str) -> Self {
        self.testid = Some(testid);
        self
    }
}

/// One body row: a row header (the card's title on a phone) and its cells.
pub struct Row {
    head: AnyView,
    cells: Vec<Cell>,
    class: Option<&'static str>,
}

/// A row headed `head` with `cells`, one per column after the first.
pub fn row(head: impl IntoView + 'static, cells: impl IntoIterator<Item = Cell>) -> Row {
    Row {
        head: head.into_any(),
        cells: cells.into_iter().collect(),
        class: None,
    }
}

impl Row {
    /// The row with a CSS class (`mistake`).
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }
}

/// A header's text with its `` `code` `` spans as `<code>`.
fn header_view(text: &'static str) -> AnyView {
    text.split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// A header's text as a cell label (no backticks).
fn header_label(text: &'static str) -> String {
    text.replace('`', "")
}

/// A table of rows, in a region that scrolls sideways if it must; in less than 600 px of
/// width each row is a card and each cell shows its column's header (`data-label`). `heads` are the column
/// headers, the row headers' column first (`` `code` `` in a header is set as code); with no
/// heads the table is a list of name–value rows.
#[component]
pub fn DataTable(
    /// The table's class: `numbers` (live values) or `summary` (text), plus any extra.
    class: &'static str,
    /// The table's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// What the table holds, for the scroll region's label.
    label: &'static str,
    /// Column headers, the row headers' column first; empty for a name–value list.
    #[prop(optional, into)]
    heads: Vec<&'static str>,
    /// The body rows.
    rows: Vec<Row>,
) -> impl IntoView {
    let thead = (!heads.is_empty()).then(|| {
        let cols = heads
            .iter()
            .map(|h| view! { <th scope="col">{header_view(h)}</th> })
            .collect::<Vec<_>>();
        view! { <thead><tr>{cols}</tr></thead> }
    });
    // With one value column (a name–value list) a card is one line, name then value, and
    // needs no labels.
    let pairs = heads.len() <= 2;
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .cells
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let label = if pairs {
                        None
                    } else {
                        heads.get(i + 1).map(|h| header_label(h))
                    };
                    view! { <td class=c.class data-label=label data-testid=c.testid>{c.view}</td> }
                })
                .collect::<Vec<_>>();
            view! { <tr class=r.class><th scope="row">{r.head}</th>{cells}</tr> }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class=format!("{class} card-table{}", if pairs { " pairs" } else { "" }) data-testid=testid>
                {thead}
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// A lesson's closing summary table (`summary-table`), after its introductory sentence if it
/// has one: every lesson's last step shows one.
#[component]
pub fn SummaryTable(
    /// The sentence above the table.
    #[prop(optional)]
    intro: Option<&'static str>,
    /// What the table holds, for the scroll region's label.
    #[prop(default = "Summary")]
    label: &'static str,
    /// Column headers, the row headers' column first.
    #[prop(into)]
    heads: Vec<&'static str>,
    /// The body rows.
    rows: Vec<Row>,
) -> impl IntoView {
    view! {
        {intro.map(|text| view! { <p>{text}</p> })}
        <DataTable class="summary" testid="summary-table" label heads rows />
    }
}
