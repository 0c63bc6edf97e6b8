//! Colours and type for charts, matched to the page's light and dark themes.

use plotters::style::{IntoFont, RGBColor, TextStyle};

/// The page theme a chart is drawn for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
    /// Presenter mode: white and yellow on black, thick lines, for projectors.
    Contrast,
}

/// How much larger presenter mode draws chart text and lines: the page's own presenter
/// scale (`font-size: 175%` in style/classroom.css), so labels grow with the text around
/// them; the chart boxes grow too (`--chart-zoom` there).
pub const PRESENTER_SCALE: f64 = 1.75;

/// Everything a chart needs to look like the page around it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    /// Chart background.
    pub background: RGBColor,
    /// Labels and markers.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines and the zero line.
    pub axis: RGBColor,
    /// One colour per class: the Okabe–Ito palette (distinguishable with every common
    /// colour-vision deficiency), extended with three darker tones for classes 8–10.
    /// Classes are always labelled too, so colour is never the only cue.
    pub palette: [RGBColor; 10],
    /// The colour of gradient arrows and the draggable point.
    pub accent: RGBColor,
    /// Device pixels per CSS pixel: line widths and fonts are multiplied by it.
    pub scale: f64,
    /// Font family for labels.
    pub font: &'static str,
}

impl ChartStyle {
    /// The style for a theme at a device pixel ratio.
    pub fn new(theme: Theme, scale: f64) -> ChartStyle {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.clamp(0.5, 4.0)
        } else {
            1.0
        };
        let okabe_ito = [
            RGBColor(0, 114, 178),   // blue
            RGBColor(230, 159, 0),   // orange
            RGBColor(0, 158, 115),   // bluish green
            RGBColor(204, 121, 167), // reddish purple
            RGBColor(86, 180, 233),  // sky blue
            RGBColor(213, 94, 0),    // vermillion
            RGBColor(240, 228, 66),  // yellow
            RGBColor(0, 73, 112),    // dark blue
            RGBColor(140, 100, 0),   // dark orange
            RGBColor(0, 100, 73),    // dark green
        ];
        match theme {
            Theme::Light => ChartStyle {
                background: RGBColor(255, 255, 255),
                text: RGBColor(33, 37, 41),
                grid: RGBColor(226, 229, 233),
                axis: RGBColor(108, 117, 125),
                palette: okabe_ito,
                accent: RGBColor(0, 0, 0),
                scale,
                font: "sans-serif",
            },
            Theme::Contrast => ChartStyle {
                background: RGBColor(0, 0, 0),
                text: RGBColor(255, 255, 255),
                grid: RGBColor(70, 70, 70),
                axis: RGBColor(230, 230, 230),
                palette: okabe_ito,
                accent: RGBColor(255, 212, 0),
                scale: scale * PRESENTER_SCALE,
                font: "sans-serif",
            },
            Theme::Dark => ChartStyle {
                background: RGBColor(24, 26, 31),
                text: RGBColor(230, 232, 235),
                grid: RGBColor(52, 56, 64),
                axis: RGBColor(150, 156, 166),
                palette: okabe_ito,
                accent: RGBColor(255, 255, 255),
                scale,
                font: "sans-serif",
            },
        }
    }

    /// Colour of class `i` (wraps after ten).
    pub fn class_colour(&self, i: usize) -> RGBColor {
        self.palette[i % self.palette.len()]
    }

    /// A length in CSS pixels converted to backend pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.scale
    }

    /// A label font size in backend pixels.
    pub fn font_size(&self, css: f64) -> f64 {
        (css * self.scale).round()
    }

    /// The chart font at `css` pixels in the text colour (labels, titles, legends).
    pub fn label_font(&self, css: f64) -> TextStyle<'static> {
        (self.font, self.font_size(css))
            .into_font()
            .color(&self.text)
    }

    /// A line width in backend pixels, never thinner than one pixel.
    pub fn line(&self, css: f64) -> u32 {
        self.px(css).max(1.0) as u32
    }
}
