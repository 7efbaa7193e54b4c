import Control
import Foundation
import ServiceLifecycle

/// What `camsim serve` prints on standard output once it is serving: one URL per camera,
/// then the dashboard's address. It runs as the service group's last service, so the
/// group has trapped SIGTERM and SIGINT before a script that waits for the URLs can send
/// one: a signal right after the first line still shuts down gracefully.
struct StartupAnnouncement: Service {
    /// The camera URLs, one per line, main camera first.
    let listing: String
    let controlServer: ControlServer?

    func run() async throws {
        FileHandle.standardOutput.write(Data(listing.utf8))
        // The real address (port 0 picks one), once listening; a failure to listen ends
        // the group, which reports it.
        if let controlServer, let address = try? await controlServer.boundAddress() {
            FileHandle.standardOutput.write(Data("dashboard: \(address.url)\n".utf8))
        }
        try? await gracefulShutdown()
    }
}
