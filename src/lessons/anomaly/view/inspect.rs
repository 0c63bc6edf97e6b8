//! Step 4's view: every test picture's error as a dot, one picture's reconstruction and
//! error map.

use super::{
    kind_names, shared_threshold, use_pick, with_lab, MaybeReadout, NeedsAutoencoder, THRESHOLD,
};
use crate::chart::anomaly::{DotPlot, HeatPanels, PanelScale};
use crate::format::format4;
use crate::lessons::anomaly::panels;
use crate::lessons::anomaly::tasks::{inspected_every_kind, is_hardest_defect, is_worst_normal};
use crate::lessons::anomaly::LOG_THRESHOLD_RANGE;
use crate::lessons::code_view::CodePanels;
use crate::lessons::view::{cell, row, DataTable};
use crate::lessons::view::{link_value, report_tasks_on, share_derived};
use crate::model::anomaly::{Kind, SIDE};
use crate::widgets::{ErrorDotPlot, HeatPanelsView, Picking, Readout};
use leptos::prelude::*;

pub fn view() -> AnyView {
    // The pick lives in the link (`?pick=`): registered before the model is trained, so the
    // address keeps it while the step waits for training. The pictures exist untrained.
    let kinds: Vec<Kind> =
        with_lab(|l| l.data().test.iter().map(|s| s.kind).collect()).unwrap_or_default();
    let count = kinds.len();
    let (selected, on_select) = use_pick(count, "inspect-kinds", inspected_every_kind, move |i| {
        kinds.get(i).copied()
    });
    // The threshold line is the one set in step 3; a link carries it (`?t=`), so whoever
    // opens it sees the sender's line, not the default.
    if let Some(t) = link_value("t", |t: &f64| *t > 0.0, "a positive threshold") {
        THRESHOLD.with(|c| c.set(t));
    }
    let set = THRESHOLD.with(|c| c.get());
    if set.is_finite() {
        share_derived("t", f64::NAN, Signal::stored(set));
    }
    view! {
        <p>
            "Each dot is one test picture, placed by its reconstruction error, one row per kind. "
            "Click a dot (click the same place again for the dot beneath it, or focus the plot "
            "and use the arrow keys: ← → along a row, ↑ ↓ between rows, Home and End for a "
            "row's lowest and highest) to see the picture, the "
            "autoencoder's reconstruction and where the two differ."
        </p>
        <NeedsAutoencoder>{move || content(selected, on_select)}</NeedsAutoencoder>
    }
    .into_any()
}

fn content(selected: RwSignal<Option<usize>>, on_select: Callback<usize>) -> AnyView {
    let (errors, kinds) = with_lab(|l| {
        (
            panels::shown(l.test_errors()),
            l.data().test.iter().map(|s| s.kind).collect::<Vec<_>>(),
        )
    })
    .unwrap_or_default();
    let t = shared_threshold();
    let plot = DotPlot {
        x_range: LOG_THRESHOLD_RANGE,
        log_x: true,
        x_label: "reconstruction error (log scale)".into(),
        rows: kind_names(),
        dots: kinds
            .iter()
            .zip(&errors)
            .map(|(k, e)| (k.index(), *e))
            .collect(),
        band: None,
    };
    let names: Vec<String> = kinds
        .iter()
        .zip(&errors)
        .enumerate()
        .map(|(i, (k, e))| format!("{}, test picture {i}: error {}", k.name(), format4(*e)))
        .collect();
    let stored = StoredValue::new((kinds, errors));
    report_tasks_on(
        stored,
        move || selected.get(),
        [
            ("hardest-defect", |(k, e), s| is_hardest_defect(k, e, s)),
            ("worst-normal", |(k, e), s| is_worst_normal(k, e, s)),
        ],
    );
    let detail = Memo::new(move |_| {
        let i = selected.get()?;
        with_lab(|l| {
            let x = l.data().test.get(i)?.pixels.clone();
            let m = l.training().model();
            let rebuilt = m.reconstruct(&x);
            let map = m.error_map(&x);
            Some((x, rebuilt, map))
        })
        .flatten()
    });
    let images = Signal::derive(move || {
        detail
            .get()
            .map(|(x, r, m)| vec![x, r, m])
            .unwrap_or_default()
    });
    let panels = Signal::stored(HeatPanels {
        side: SIDE,
        panels: vec![
            ("input x".into(), PanelScale::Grey),
            ("reconstruction x̂".into(), PanelScale::Grey),
            ("(x̂ − x)² per pixel".into(), PanelScale::Heat { max: 0.09 }),
        ],
    });
    let error = Signal::derive(move || {
        let i = selected.get()?;
        stored.with_value(|(_, e)| e.get(i).copied())
    });
    let rank = Signal::derive(move || {
        let e = error.get()?;
        Some(stored.with_value(|(_, all)| 1 + all.iter().filter(|v| **v > e).count()) as f64)
    });
    let peak = Signal::derive(move || {
        detail.with(|d| {
            d.as_ref()
                .map(|(_, _, m)| m.iter().copied().fold(0.0, f64::max))
        })
    });
    let kind = move || {
        selected
            .get()
            .and_then(|i| stored.with_value(|(k, _)| k.get(i).copied()))
    };
    let verdict = move || match error.get() {
        Some(e) if e > t => "flagged (above the threshold)",
        Some(_) => "passed (at or below the threshold)",
        None => "",
    };
    let programs = Signal::derive(move || {
        let i = selected.get().unwrap_or(0);
        with_lab(|l| {
            let s = l.data().test.get(i)?;
            let rebuilt = l.training().model().reconstruct(&s.pixels);
            Some(panels::inspect_programs(i, s.kind, &s.pixels, &rebuilt))
        })
        .flatten()
        .unwrap_or_default()
    });
    view! {
        <ErrorDotPlot
            plot=Signal::stored(plot)
            threshold=Signal::derive(move || Some(t))
            picking=Picking { selected: selected.into(), on_select, names: Signal::stored(names) }
            label=Signal::derive(|| "Reconstruction error of every test picture, by kind".to_string())
            testid="error-dots"
            height=250
        />
        <div class="inspect-layout" data-testid="inspect-detail" data-selected=move || selected.get().map(|i| i.to_string()).unwrap_or_default()>
            <HeatPanelsView panels images label=Signal::derive(|| "The selected picture, its reconstruction and the squared error per pixel".to_string()) testid="inspect-panels" height=250 />
            <DataTable class="numbers" testid="inspect-numbers" label="This part in numbers" rows=vec![
                row("kind", [cell(move || kind().map(|k| k.name()).unwrap_or("pick a dot")).testid("inspect-kind")]),
                row("reconstruction error (mean of the map)", [cell(view! { <MaybeReadout name="inspect-error" value=error /> })]),
                row("rank among the 190 (1 = highest)", [cell(view! { <MaybeReadout name="inspect-rank" value=rank /> })]),
                row("largest pixel error", [cell(view! { <MaybeReadout name="inspect-peak" value=peak /> })]),
                row("threshold (from step 3)", [cell(view! { <Readout name="inspect-threshold" value=Signal::derive(move || t) /> })]),
                row("verdict", [cell(verdict).testid("inspect-verdict")]),
            ] />
        </div>
        <p>
            "The error map points at the defect: the scratch lights up along its line, the spot "
            "as a blob, the broken corner as a triangle. On a good part the map is an even, faint "
            "speckle: the sensor noise, which no model can predict. The hardest defects are the "
            "faintest ones, and the worst good parts are those whose shading or brushing is "
            "unusual; the two overlap a little, which is why no threshold is perfect here."
        </p>
        <p>"The code below holds the selected picture (test picture 0 until you pick one) and its reconstruction, and computes the error map's mean and largest pixel."</p>
        <CodePanels programs />
    }
    .into_any()
}
