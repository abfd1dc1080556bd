import PSRuntime

/// Progress in an endpoint session: each update goes to the client, whose own reporter draws it.
public final class RemoteProgressReporter: ProgressReporting {
    private let channel: RemotingChannel

    public init(channel: RemotingChannel) { self.channel = channel }

    public func report(_ update: ProgressUpdate, context: ExecutionContext) {
        try? channel.send(.progress, json: update)
    }
}
