import PSRuntime

/// A host that passes text on to another. Start-Transcript and Write-Progress each put one in
/// front of the session's host, in either order, so each finds and removes its own wherever it
/// stands in the chain rather than assuming it is outermost.
protocol HostUIWrapper: HostUI {
    var inner: HostUI { get set }
}

extension ExecutionContext {
    /// The outermost wrapper of type `W` in front of the session's host.
    func hostWrapper<W: HostUIWrapper>(_ type: W.Type) -> W? {
        var current: HostUI = host
        while true {
            if let found = current as? W { return found }
            guard let wrapper = current as? HostUIWrapper else { return nil }
            current = wrapper.inner
        }
    }

    /// Takes `wrapper` out of the host chain, joining its outer neighbour to its inner host.
    func removeHostWrapper(_ wrapper: HostUIWrapper) {
        if host === wrapper {
            host = wrapper.inner
            return
        }
        var current: HostUI = host
        while let outer = current as? HostUIWrapper {
            if outer.inner === wrapper {
                outer.inner = wrapper.inner
                return
            }
            current = outer.inner
        }
    }
}
