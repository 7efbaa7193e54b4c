import Faults
import FuzzSeedSupport
import Testing

/// The seeds of the URL fault query fuzz target match this module's query tables.
@Suite struct FuzzSeedTests {
    @Test func faultQuery() throws {
        try FuzzSeeds.check("fault-query", texts: QueryParsingTests.refusals.map(\.0) + FaultPresets.names.map { "profile=\($0)" })
    }
}
