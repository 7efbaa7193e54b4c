import Logging
import NIOCore
import NIOEmbedded
import NIOTLS
import Testing
@testable import Server

/// The guard closes a connection whose TLS handshake fails or runs out of time, and
/// steps aside once the handshake is done.
@Suite struct TLSHandshakeGuardTests {
    static func channel(timeout: TimeAmount?) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            TLSHandshakeGuard(timeout: timeout, logger: Logger(label: "camsim.test")))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 5554)).wait()
        return channel
    }

    @Test func anUnfinishedHandshakeIsClosedAtTheLimit() throws {
        let channel = try Self.channel(timeout: .seconds(2))
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1999))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func aFinishedHandshakeCancelsTheLimitAndRemovesTheGuard() throws {
        let channel = try Self.channel(timeout: .seconds(2))
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(channel.isActive)
        #expect(throws: (any Error).self) { try channel.pipeline.syncOperations.handler(type: TLSHandshakeGuard.self) }
        _ = try? channel.finish()
    }

    @Test func aHandshakeErrorClosesTheConnection() throws {
        struct BadRecord: Error {}
        let channel = try Self.channel(timeout: nil)
        channel.pipeline.fireErrorCaught(BadRecord())
        #expect(!channel.isActive)
    }

    @Test func noLimitWhenTheHeaderTimeoutIsOff() throws {
        let channel = try Self.channel(timeout: nil)
        channel.embeddedEventLoop.advanceTime(by: .seconds(3600))
        #expect(channel.isActive)
        _ = try? channel.finish()
    }
}
