namespace OpenTok.Refit;

/// <summary>How clients' media travels in a session. The wire value is the <c>p2p.preference</c> form field of session creation.</summary>
[GenerateWireValues]
public enum MediaMode
{
    /// <summary>Peer to peer where possible (<c>p2p.preference=enabled</c>); no archiving.</summary>
    [WireValue("enabled")]
    Relayed,

    /// <summary>Through OpenTok's media router (<c>p2p.preference=disabled</c>); needed for archiving, broadcasts, SIP, ….</summary>
    [WireValue("disabled")]
    Routed,
}
