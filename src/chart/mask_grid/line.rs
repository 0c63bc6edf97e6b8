//! The grid cells on a straight line between two cells (Bresenham): pure geometry, so a
//! brush dragged fast across a mask grid paints every cell it passes.

/// The cells on the straight line from `a` to `b` (Bresenham), both ends included: a fast
/// pointer drag reports far-apart positions, and painting along the line leaves no gaps.
pub fn line_cells(a: (usize, usize), b: (usize, usize)) -> Vec<(usize, usize)> {
    const FAR: usize = 1 << 16;
    if a.0 > FAR || a.1 > FAR || b.0 > FAR || b.1 > FAR {
        return vec![b];
    }
    let (mut r0, mut c0) = (a.0 as i64, a.1 as i64);
    let (r1, c1) = (b.0 as i64, b.1 as i64);
    let dr = (r1 - r0).abs();
    let dc = -(c1 - c0).abs();
    let sr = if r0 < r1 { 1 } else { -1 };
    let sc = if c0 < c1 { 1 } else { -1 };
    let mut err = dr + dc;
    let mut out = Vec::new();
    // At most |dr| + |dc| + 1 cells: the bound keeps the loop finite whatever happens.
    for _ in 0..=(dr - dc) {
        out.push((r0 as usize, c0 as usize));
        if r0 == r1 && c0 == c1 {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dc {
            err += dc;
            r0 += sr;
        }
        if e2 <= dr {
            err += dr;
            c0 += sc;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::line_cells;

    #[test]
    fn lines_join_their_ends_without_gaps() {
        let line = line_cells((0, 0), (3, 7));
        assert_eq!(line.first(), Some(&(0, 0)));
        assert_eq!(line.last(), Some(&(3, 7)));
        assert_eq!(line.len(), 8);
        for pair in line.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(a.0.abs_diff(b.0) <= 1 && a.1.abs_diff(b.1) <= 1);
        }
        assert_eq!(line_cells((4, 4), (4, 4)), vec![(4, 4)]);
        assert_eq!(line_cells((5, 2), (1, 2)).len(), 5);
        assert_eq!(line_cells((usize::MAX, 0), (1, 2)), vec![(1, 2)]);
    }
}
