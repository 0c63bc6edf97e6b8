//! The seeded inspection images: what each kind of part looks like and the lesson's data set.

use super::{
    Rng, DATA_SEED, PIXELS, SIDE, TEST_NORMAL, TEST_PER_DEFECT, TRAIN_NORMAL, TRAIN_SCRATCH,
};

/// What an image shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A good part: smooth brushed surface.
    Normal,
    /// A thin bright line.
    Scratch,
    /// A small dark pit.
    Spot,
    /// A broken-off corner.
    MissingPiece,
}

impl Kind {
    /// Every kind, normal first.
    pub const ALL: [Kind; 4] = [Kind::Normal, Kind::Scratch, Kind::Spot, Kind::MissingPiece];
    /// The defect kinds.
    pub const DEFECTS: [Kind; 3] = [Kind::Scratch, Kind::Spot, Kind::MissingPiece];

    /// The name shown to learners.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Normal => "normal",
            Kind::Scratch => "scratch",
            Kind::Spot => "spot",
            Kind::MissingPiece => "missing piece",
        }
    }

    /// A short key for test ids.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Normal => "normal",
            Kind::Scratch => "scratch",
            Kind::Spot => "spot",
            Kind::MissingPiece => "missing",
        }
    }

    /// Whether this is a defect (label 1).
    pub fn is_anomaly(self) -> bool {
        self != Kind::Normal
    }

    /// The label: 1 for a defect, 0 for a normal part.
    pub fn label(self) -> f64 {
        if self.is_anomaly() {
            1.0
        } else {
            0.0
        }
    }

    /// Position in [`Kind::ALL`] (also a chart colour index).
    pub fn index(self) -> usize {
        match self {
            Kind::Normal => 0,
            Kind::Scratch => 1,
            Kind::Spot => 2,
            Kind::MissingPiece => 3,
        }
    }
}

/// One image with what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// What the image shows.
    pub kind: Kind,
    /// [`PIXELS`] values in [0, 1], row by row.
    pub pixels: Vec<f64>,
}

/// A normal brushed surface (before noise): base brightness, shading gradient and faint
/// waves running within ±20° of horizontal.
fn surface(rng: &mut Rng) -> Vec<f64> {
    let base = rng.range(0.40, 0.60);
    let gx = rng.range(-0.15, 0.15);
    let gy = rng.range(-0.15, 0.15);
    let amp = rng.range(0.03, 0.08);
    let angle = rng.range(-0.35, 0.35);
    let phase = rng.range(0.0, 2.0 * std::f64::consts::PI);
    let k = 2.0 * std::f64::consts::PI * 1.5; // 1.5 waves across the image
    let (s, c) = angle.sin_cos();
    let mut out = Vec::with_capacity(PIXELS);
    for row in 0..SIDE {
        for col in 0..SIDE {
            let u = (col as f64 + 0.5) / SIDE as f64 - 0.5;
            let v = (row as f64 + 0.5) / SIDE as f64 - 0.5;
            // Waves vary across the brushing direction (so the stripes run along it).
            let across = -u * s + v * c;
            out.push(base + gx * u + gy * v + amp * (k * across + phase).cos());
        }
    }
    out
}

/// Distance from point p to the segment a–b.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (qx * qx + qy * qy).sqrt()
}

fn paint_scratch(img: &mut [f64], rng: &mut Rng) {
    // The gripper slips along the same diagonal each time, give or take.
    let len = rng.range(5.0, 9.0);
    let angle =
        rng.range(0.55, 1.0) * std::f64::consts::FRAC_PI_2 + std::f64::consts::FRAC_PI_4 * 0.0;
    let (s, c) = (-angle).sin_cos();
    let cx = SIDE as f64 / 2.0 + rng.range(-1.5, 1.5);
    let cy = SIDE as f64 / 2.0 + rng.range(-1.5, 1.5);
    let a = (cx - c * len / 2.0, cy - s * len / 2.0);
    let b = (cx + c * len / 2.0, cy + s * len / 2.0);
    let depth = rng.range(0.12, 0.35);
    for (k, v) in img.iter_mut().enumerate() {
        let p = ((k % SIDE) as f64 + 0.5, (k / SIDE) as f64 + 0.5);
        let d = segment_distance(p, a, b);
        *v += depth * (1.0 - d / 0.9).max(0.0);
    }
}

fn paint_spot(img: &mut [f64], rng: &mut Rng) {
    let cx = rng.range(2.0, SIDE as f64 - 2.0);
    let cy = rng.range(2.0, SIDE as f64 - 2.0);
    let sigma = rng.range(0.7, 1.0);
    let depth = rng.range(0.15, 0.40);
    for (k, v) in img.iter_mut().enumerate() {
        let (dx, dy) = ((k % SIDE) as f64 + 0.5 - cx, (k / SIDE) as f64 + 0.5 - cy);
        *v -= depth * (-(dx * dx + dy * dy) / (2.0 * sigma * sigma)).exp();
    }
}

fn paint_missing_piece(img: &mut [f64], rng: &mut Rng) {
    let corner = rng.below(4);
    let size = rng.range(2.5, 4.5);
    let background = rng.range(0.02, 0.08);
    for (k, v) in img.iter_mut().enumerate() {
        let (col, row) = ((k % SIDE) as f64 + 0.5, (k / SIDE) as f64 + 0.5);
        let x = if corner.is_multiple_of(2) {
            col
        } else {
            SIDE as f64 - col
        };
        let y = if corner < 2 { row } else { SIDE as f64 - row };
        // Inside the broken-off triangle, with a soft one-pixel edge.
        let inside = (size - (x + y)) / 1.0 + 0.5;
        let t = inside.clamp(0.0, 1.0);
        *v = *v * (1.0 - t) + background * t;
    }
}

/// One image of `kind`, drawn from `rng`: a normal surface, the defect, then sensor noise
/// (σ = 0.015), clipped to [0, 1].
pub fn generate(kind: Kind, rng: &mut Rng) -> Sample {
    let mut pixels = surface(rng);
    match kind {
        Kind::Normal => {}
        Kind::Scratch => paint_scratch(&mut pixels, rng),
        Kind::Spot => paint_spot(&mut pixels, rng),
        Kind::MissingPiece => paint_missing_piece(&mut pixels, rng),
    }
    for v in pixels.iter_mut() {
        *v = (*v + 0.015 * rng.normal()).clamp(0.0, 1.0);
    }
    Sample { kind, pixels }
}

/// The lesson's images.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// Normal parts: what the autoencoder trains on.
    pub train_normal: Vec<Sample>,
    /// Scratched parts: the only defects the supervised classifier sees in training.
    pub train_scratch: Vec<Sample>,
    /// Held-out test images: normal parts, then each defect kind in [`Kind::DEFECTS`]
    /// order.
    pub test: Vec<Sample>,
}

impl Dataset {
    /// The seeded data set ([`DATA_SEED`]): [`TRAIN_NORMAL`] normal and [`TRAIN_SCRATCH`]
    /// scratched training images; [`TEST_NORMAL`] normal and [`TEST_PER_DEFECT`] of each
    /// defect kind for testing. Each group has its own stream, so changing one group's
    /// size leaves the others as they are.
    pub fn seeded() -> Dataset {
        let group = |stream: u64, kind: Kind, n: usize| {
            let mut rng = Rng::new(DATA_SEED ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            (0..n).map(|_| generate(kind, &mut rng)).collect::<Vec<_>>()
        };
        let mut test = group(3, Kind::Normal, TEST_NORMAL);
        for (i, kind) in Kind::DEFECTS.iter().enumerate() {
            test.extend(group(4 + i as u64, *kind, TEST_PER_DEFECT));
        }
        Dataset {
            train_normal: group(1, Kind::Normal, TRAIN_NORMAL),
            train_scratch: group(2, Kind::Scratch, TRAIN_SCRATCH),
            test,
        }
    }

    /// The test labels (1 = defect).
    pub fn test_labels(&self) -> Vec<f64> {
        self.test.iter().map(|s| s.kind.label()).collect()
    }

    /// Indices of the test images of one kind.
    pub fn test_indices(&self, kind: Kind) -> Vec<usize> {
        (0..self.test.len())
            .filter(|i| self.test[*i].kind == kind)
            .collect()
    }
}
