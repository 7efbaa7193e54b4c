import Cameras
import Testing
@testable import Control

/// Histograms the hot path keeps, written in the Prometheus text format.
@Suite struct PrometheusHistogramTextTests {
    @Test func bucketsAreCumulativeWithInfSumAndCount() {
        let histogram = BucketHistogram(upperBounds: [0.01, 0.1, 1])
        for value in [0.005, 0.05, 0.05, 0.5, 7] { histogram.record(value) }
        var text = PrometheusHistogramText()
        text.add(
            "camsim_x_seconds", help: "X.", labels: [("camera", "cam"), ("stream", "main")],
            bounds: histogram.upperBounds, snapshot: histogram.snapshot)
        #expect(text.text == """
            # HELP camsim_x_seconds X.
            # TYPE camsim_x_seconds histogram
            camsim_x_seconds_bucket{camera="cam",stream="main",le="0.01"} 1
            camsim_x_seconds_bucket{camera="cam",stream="main",le="0.1"} 3
            camsim_x_seconds_bucket{camera="cam",stream="main",le="1.0"} 4
            camsim_x_seconds_bucket{camera="cam",stream="main",le="+Inf"} 5
            camsim_x_seconds_sum{camera="cam",stream="main"} 7.605
            camsim_x_seconds_count{camera="cam",stream="main"} 5

            """)
    }

    @Test func helpAndTypeComeOncePerNameAndLabelValuesAreEscaped() {
        let histogram = BucketHistogram(upperBounds: [1])
        var text = PrometheusHistogramText()
        text.add("h", help: "H.", labels: [("camera", #"a"b\c"#)], bounds: [1], snapshot: histogram.snapshot)
        text.add("h", help: "H.", labels: [("camera", "d\ne")], bounds: [1], snapshot: histogram.snapshot)
        #expect(text.text.components(separatedBy: "# TYPE h histogram").count == 2)
        #expect(text.text.contains(#"h_count{camera="a\"b\\c"} 0"#))
        #expect(text.text.contains(#"h_count{camera="d\ne"} 0"#))
    }
}
