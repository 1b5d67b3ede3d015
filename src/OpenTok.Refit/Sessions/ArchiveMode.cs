namespace OpenTok.Refit;

/// <summary>Whether a session is archived on demand or always. The wire value is the <c>archiveMode</c> form field of session creation.</summary>
[GenerateWireValues]
public enum ArchiveMode
{
    /// <summary>Archives are started by calls (the default). Wire value <c>manual</c>.</summary>
    [WireValue("manual")]
    Manual,

    /// <summary>An archive starts as soon as clients publish; needs a routed session. Wire value <c>always</c>.</summary>
    [WireValue("always")]
    Always,
}
