//! The chart of what each hot path costs against the size of the practice (SVG, drawn with
//! plotters), shown in the README.

use std::path::Path;

use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// One line of the chart: a hot path's median at each practice size (clients, milliseconds).
pub struct Line {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

/// Distinct colours that stay apart in print and for the common colour-vision deficiencies
/// (Tableau 10, then two darker tones).
const COLOURS: [RGBColor; 12] = [
    RGBColor(0x4E, 0x79, 0xA7),
    RGBColor(0xF2, 0x8E, 0x2B),
    RGBColor(0xE1, 0x57, 0x59),
    RGBColor(0x76, 0xB7, 0xB2),
    RGBColor(0x59, 0xA1, 0x4F),
    RGBColor(0xED, 0xC9, 0x48),
    RGBColor(0xB0, 0x7A, 0xA1),
    RGBColor(0xFF, 0x9D, 0xA7),
    RGBColor(0x9C, 0x75, 0x5F),
    RGBColor(0x79, 0x70, 0x6E),
    RGBColor(0x1F, 0x3A, 0x5F),
    RGBColor(0x2F, 0x5D, 0x54),
];

fn time_label(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{} s", ms / 1000.0)
    } else {
        format!("{ms} ms")
    }
}

pub fn draw(file: &Path, title: &str, lines: &[Line]) -> Result<(), Box<dyn std::error::Error>> {
    let all = lines.iter().flat_map(|l| l.points.iter());
    let (mut low, mut high) = (f64::MAX, f64::MIN);
    let (mut fewest, mut most) = (f64::MAX, f64::MIN);
    for &(clients, ms) in all {
        low = low.min(ms);
        high = high.max(ms);
        fewest = fewest.min(clients);
        most = most.max(clients);
    }
    // Whole decades, so every gridline is a round figure.
    let low = 10f64.powf(low.log10().floor());
    let high = 10f64.powf(high.log10().ceil());

    let root = SVGBackend::new(file, (900, 560)).into_drawing_area();
    root.fill(&WHITE)?;
    let (plot, legend) = root.split_horizontally(620);
    let mut chart = ChartBuilder::on(&plot)
        .caption(title, ("sans-serif", 17))
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(70)
        .build_cartesian_2d((fewest * 0.8..most * 1.25).log_scale(), (low..high).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("clients in the practice")
        .y_desc("median time")
        .x_label_formatter(&|clients| {
            // Round figures only: plotters offers a gridline at every hundred, too many to label.
            let round = [100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0].contains(&clients.round());
            if round {
                format!("{clients:.0}")
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|ms| time_label(*ms))
        .bold_line_style(BLACK.mix(0.15))
        .light_line_style(TRANSPARENT)
        .label_style(("sans-serif", 13))
        .draw()?;
    // Every other line dashed, so two paths that cost the same (start-up is mostly its check)
    // both stay visible.
    let dashed = |row: usize| row % 2 == 1;
    for (row, (line, colour)) in lines.iter().zip(COLOURS.iter().cycle()).enumerate() {
        let points = line.points.iter().copied();
        if dashed(row) {
            chart.draw_series(DashedLineSeries::new(points, 7, 4, colour.stroke_width(2)))?;
        } else {
            chart.draw_series(LineSeries::new(points, colour.stroke_width(2)))?;
        }
        chart.draw_series(line.points.iter().map(|&point| Circle::new(point, 3, colour.filled())))?;
    }
    // The key beside the plot, so it hides no line.
    for (row, (line, colour)) in lines.iter().zip(COLOURS.iter().cycle()).enumerate() {
        let y = 56 + 26 * row as i32;
        let sample = vec![(8, y), (34, y)];
        if dashed(row) {
            legend.draw(&DashedPathElement::new(sample, 7, 4, colour.stroke_width(3)))?;
        } else {
            legend.draw(&PathElement::new(sample, colour.stroke_width(3)))?;
        }
        legend.draw(&Text::new(line.name.clone(), (42, y - 8), ("sans-serif", 14)))?;
    }
    root.present()?;
    Ok(())
}
