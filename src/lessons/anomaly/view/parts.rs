//! Step 1's view: the gallery of good parts and defects, one picture up close.

use super::{use_pick, with_lab, MaybeReadout};
use crate::chart::anomaly::{GalleryLayout, HeatPanels, PanelScale};
use crate::lessons::anomaly::panels;
use crate::lessons::anomaly::tasks::saw_every_defect;
use crate::lessons::anomaly::GALLERY_PER_KIND;
use crate::lessons::code_view::CodePanels;
use crate::lessons::view::{cell, row, DataTable};
use crate::model::anomaly::{
    Kind, SIDE, TEST_NORMAL, TEST_PER_DEFECT, TRAIN_NORMAL, TRAIN_SCRATCH,
};
use crate::widgets::{HeatPanelsView, ImageGallery, Picking};
use leptos::prelude::*;

fn describe(kind: Kind) -> &'static str {
    match kind {
        Kind::Normal => "A good part: smooth shading and faint brushing marks, different on every part.",
        Kind::Scratch => "A scratch: a thin bright groove near the middle, left when the gripper slips. It always rises to the right, but steeply and at varying angles, from about 50° to upright: some scratches here stand vertical.",
        Kind::Spot => "A spot: a small dark pit (corrosion or dirt), anywhere on the part.",
        Kind::MissingPiece => "A missing piece: a corner broken off, showing the dark conveyor belt.",
    }
}

pub fn view() -> AnyView {
    let (images, kinds, test_index) = with_lab(|l| {
        let data = l.data();
        let mut images = Vec::new();
        let mut kinds = Vec::new();
        let mut index = Vec::new();
        for kind in Kind::ALL {
            for i in data.test_indices(kind).into_iter().take(GALLERY_PER_KIND) {
                images.push(data.test[i].pixels.clone());
                kinds.push(kind);
                index.push(i);
            }
        }
        (images, kinds, index)
    })
    .unwrap_or_default();
    let gallery = Signal::stored(GalleryLayout {
        cols: GALLERY_PER_KIND,
        side: SIDE,
        cell: 56.0,
        label_width: 118.0,
        row_labels: Kind::ALL.iter().map(|k| k.name().to_string()).collect(),
        images: images.clone(),
        colours: kinds.iter().map(|k| k.index()).collect(),
    });
    let names = Signal::stored(
        kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                format!(
                    "{} {} of {}",
                    k.name(),
                    i % GALLERY_PER_KIND + 1,
                    GALLERY_PER_KIND
                )
            })
            .collect::<Vec<_>>(),
    );
    let images = StoredValue::new(images);
    let kinds = StoredValue::new(kinds);
    let count = images.with_value(|i| i.len());
    let test_index = StoredValue::new(test_index);
    let (selected, on_select) = use_pick(count, "see-each-defect", saw_every_defect, move |i| {
        kinds.with_value(|v| v.get(i).copied())
    });
    let chosen_kind = move || {
        selected
            .get()
            .and_then(|i| kinds.with_value(|v| v.get(i).copied()))
    };
    let panels = Signal::derive(move || HeatPanels {
        side: SIDE,
        panels: vec![(
            match selected.get() {
                Some(i) => format!(
                    "{} (test image {})",
                    chosen_kind().map(|k| k.name()).unwrap_or(""),
                    test_index.with_value(|t| t.get(i).copied().unwrap_or(0))
                ),
                None => "pick an image".to_string(),
            },
            PanelScale::Grey,
        )],
    });
    let big = Signal::derive(move || {
        selected
            .get()
            .and_then(|i| images.with_value(|v| v.get(i).cloned()))
            .map(|x| vec![x])
            .unwrap_or_default()
    });
    // The numbers of the picture as the camera saves it (8-bit grey levels ÷ 255), the
    // same the code panel holds.
    let stats = Memo::new(move |_| {
        selected.get().and_then(|i| {
            images.with_value(|v| {
                v.get(i)
                    .map(|x| panels::grey_stats(&panels::grey_levels(x)))
            })
        })
    });
    let stat = move |k: usize| Signal::derive(move || stats.get().map(|s| s[k]));
    let brightest = stat(0);
    let darkest = stat(1);
    let mean = stat(2);
    let programs = Signal::derive(move || {
        let i = selected.get().unwrap_or(0);
        let index = test_index.with_value(|t| t.get(i).copied().unwrap_or(0));
        let kind = kinds.with_value(|k| k.get(i).copied().unwrap_or(Kind::Normal));
        images.with_value(|v| {
            panels::parts_programs(index, kind, v.get(i).map(Vec::as_slice).unwrap_or(&[]))
        })
    });
    view! {
        <p>
            "A camera at the end of a production line takes a "{SIDE}"×"{SIDE}" grey picture of every "
            "part. Almost all parts are good; defects are rare, and the next one may be of a kind "
            "nobody has labelled yet. Click a picture to see it up close."
        </p>
        <div class="parts-layout">
            <figure>
                <figcaption>"Test pictures, "{GALLERY_PER_KIND}" of each kind (the bar under each marks its kind)"</figcaption>
                <ImageGallery
                    gallery
                    picking=Picking { selected: selected.into(), on_select, names }
                    label=Signal::derive(|| "Gallery of test pictures: good parts, scratches, spots and missing pieces".to_string())
                    testid="parts-gallery"
                />
            </figure>
            <div class="part-detail" data-testid="part-detail" data-kind=move || chosen_kind().map(|k| k.key()).unwrap_or("")>
                <HeatPanelsView panels images=big label=Signal::derive(|| "The selected picture, enlarged".to_string()) testid="part-zoom" height=250 />
                <p class="sums">
                    {move || chosen_kind().map(describe).unwrap_or("Pick a picture to see it up close.")}
                </p>
                <p class="sums">
                    "grey level ÷ 255: brightest pixel " <MaybeReadout name="part-max" value=brightest />
                    " · darkest " <MaybeReadout name="part-min" value=darkest />
                    " · mean " <MaybeReadout name="part-mean" value=mean />
                </p>
            </div>
        </div>
        <ul class="defect-key">
            {Kind::ALL.iter().map(|k| view! {
                <li><span class=format!("kind-swatch kind-{}", k.key()) aria-hidden="true">"■"</span>" "{describe(*k)}</li>
            }).collect::<Vec<_>>()}
        </ul>
        <p class="muted">"The pictures are made by the app from a fixed seed, so you and every test see the same ones."</p>
        <DataTable class="numbers" testid="data-sizes" label="Data set sizes" heads=&["set", "good parts", "scratches", "spots", "missing pieces"] rows=vec![
            row("autoencoder training", [cell(TRAIN_NORMAL), cell("0"), cell("0"), cell("0")]),
            row("classifier training (step 5)", [cell(TRAIN_NORMAL), cell(TRAIN_SCRATCH), cell("0"), cell("0")]),
            row("test (every step)", [cell(TEST_NORMAL), cell(TEST_PER_DEFECT), cell(TEST_PER_DEFECT), cell(TEST_PER_DEFECT)]),
        ] />
        <p>
            "The one-class idea: learn from good parts only, and call anything that does not look "
            "like them an anomaly. No defect is needed for training, so defects nobody has seen "
            "yet are covered too. Only the test set has labelled defects, to measure how well it works."
        </p>
        <p>
            "A camera saves each pixel as a grey level from 0 (black) to 255 (white); divided by "
            "255, they become the numbers in [0, 1] the models read. The code below holds the "
            "selected picture (the first good part until you pick one)."
        </p>
        <CodePanels programs />
    }
    .into_any()
}
