//! Tests of the mask grids: boxes fit and tile their panels, and every drawing survives edge data.

use super::*;
use crate::chart::{fill_background, Theme};

fn panels(n: usize, key: bool) -> MaskPanels {
    MaskPanels {
        size: 24,
        titles: (0..n).map(|i| format!("panel {i}")).collect(),
        active: n - 1,
        probability_key: key,
    }
}

#[test]
fn boxes_fit_and_cells_tile_the_panel() {
    let style = ChartStyle::new(Theme::Light, 2.0);
    for (w, h) in [(1200, 760), (600, 800), (300, 300), (700, 1400)] {
        let p = panels(2, true);
        let boxes = mask_boxes(&p, (w, h), &style);
        assert_eq!(boxes.len(), 2);
        for b in &boxes {
            assert!(b.left >= 0 && b.left + b.side <= w as i32);
            assert!(b.top + b.side <= h as i32);
            assert_eq!(b.edge(0, 24), 0);
            assert_eq!(b.edge(24, 24), b.side);
        }
        // Side by side or stacked, never overlapping.
        let (a, b) = (boxes[0], boxes[1]);
        assert!(a.left + a.side <= b.left || a.top + a.side <= b.top);
    }
    let m = active_mapping(
        &panels(2, false),
        &mask_boxes(&panels(2, false), (800, 400), &style),
    );
    // The mapping turns pixels into (column, row) cells.
    let b = mask_boxes(&panels(2, false), (800, 400), &style)[1];
    assert_eq!(m.left, b.left as f64);
    assert!((m.y_at(m.top) - 0.0).abs() < 1e-9);
    assert!((m.y_at(m.top + m.height) - 24.0).abs() < 1e-9);
    assert!((m.x_at(m.left + m.width / 2.0) - 12.0).abs() < 1e-9);
    assert_eq!(
        blend(RGBColor(0, 0, 0), RGBColor(200, 100, 50), f64::NAN),
        RGBColor(0, 0, 0)
    );
    assert_eq!(
        blend(RGBColor(0, 0, 0), RGBColor(200, 100, 50), 2.0),
        RGBColor(200, 100, 50)
    );
}

#[test]
fn every_drawing_works_for_edge_data() {
    let values: Vec<f64> = (0..600)
        .map(|i| match i % 7 {
            0 => f64::NAN,
            1 => 2.0,
            2 => -1.0,
            _ => (i % 10) as f64 / 10.0,
        })
        .collect();
    let classes: Vec<usize> = (0..576).map(|i| i % 4).collect();
    let mask: Vec<bool> = (0..576).map(|i| i % 5 == 0).collect();
    for theme in [Theme::Light, Theme::Dark] {
        for (w, h) in [(900, 500), (20, 20), (1, 1)] {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                let style = ChartStyle::new(theme, 1.0);
                let p = panels(2, true);
                fill_background(&root, &style).unwrap();
                draw_mask_frames(&root, &p, &style).unwrap();
                p.panel(&root, 1, &style)
                    .probabilities(&values, Some(0.5))
                    .unwrap();
                p.panel(&root, 0, &style).probabilities(&[], None).unwrap();
                p.panel(&root, 9, &style)
                    .probabilities(&values, None)
                    .unwrap();
                p.panel(&root, 0, &style)
                    .classes(&classes, Some(&values), true)
                    .unwrap();
                p.panel(&root, 1, &style)
                    .outline(&mask, truth_colour(&style))
                    .unwrap();
                p.panel(&root, 0, &style).truth(&values).unwrap();
                p.panel(&root, 1, &style).cursor((23, 0), 2).unwrap();
                p.panel(&root, 1, &style).cursor((900, 900), 0).unwrap();
                let g = TensorGrid {
                    title: "t".into(),
                    rows: 2,
                    cols: 3,
                    cells: (0..4).map(|i| (i, format!("{i}"))).collect(),
                };
                draw_tensor_grids(&root, &[g.clone(), g], &style).unwrap();
                draw_tensor_grids(&root, &[], &style).unwrap();
                root.present().unwrap();
            }
            assert!(svg.starts_with("<svg"));
            assert!(!svg.contains("NaN"), "no NaN coordinates");
        }
    }
}
