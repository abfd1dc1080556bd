import Foundation
import PSCmdlets
import PSRuntime
import Synchronization

/// Sends each output object to the client as a CLIXML document (depth 1, as PowerShell remoting).
final class RemoteOutputPipe: OutputPipe {
    let channel: RemotingChannel
    let context: ExecutionContext

    init(channel: RemotingChannel, context: ExecutionContext) {
        self.channel = channel
        self.context = context
    }

    override func emit(_ value: PSValue) throws {
        try channel.send(.output, text: RemoteObjectCodec.serialize(value, context: context))
    }
}
