//! B-cubed precision, recall and F1 of a clustering against a reference.

/// B-cubed precision, recall and F1 of `found` against `gold`, both lists
/// of clusters of article indices `0..n` (an index in neither is a singleton).
///
/// ```
/// use storydiff::eval::clusters::b_cubed;
/// let gold = vec![vec![0, 1], vec![2]];
/// assert_eq!(b_cubed(&gold, &gold, 3), (1.0, 1.0, 1.0));
/// let (p, r, _) = b_cubed(&[vec![0], vec![1], vec![2]], &gold, 3);
/// assert_eq!(p, 1.0);
/// assert!((r - 2.0 / 3.0).abs() < 1e-9);
/// ```
pub fn b_cubed(found: &[Vec<usize>], gold: &[Vec<usize>], n: usize) -> (f64, f64, f64) {
    if n == 0 {
        return (1.0, 1.0, 1.0);
    }
    let label = |clusters: &[Vec<usize>]| {
        // Singletons get labels past the clusters'.
        let mut of: Vec<usize> = (0..n).map(|i| clusters.len() + i).collect();
        for (c, members) in clusters.iter().enumerate() {
            for &m in members {
                of[m] = c;
            }
        }
        of
    };
    let (f, g) = (label(found), label(gold));
    let mut sizes: std::collections::HashMap<(usize, usize), usize> = Default::default();
    let mut f_size: std::collections::HashMap<usize, usize> = Default::default();
    let mut g_size: std::collections::HashMap<usize, usize> = Default::default();
    for i in 0..n {
        *sizes.entry((f[i], g[i])).or_default() += 1;
        *f_size.entry(f[i]).or_default() += 1;
        *g_size.entry(g[i]).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let both = sizes[&(f[i], g[i])] as f64;
        p += both / f_size[&f[i]] as f64;
        r += both / g_size[&g[i]] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}
