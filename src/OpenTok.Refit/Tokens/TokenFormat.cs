namespace OpenTok.Refit;

/// <summary>The format of a client token.</summary>
public enum TokenFormat
{
    /// <summary>A JWT signed with HS256 (the default, as in the current Node, Java and Python SDKs).</summary>
    Jwt,

    /// <summary>The legacy <c>T1==</c> token, for clients that predate JWT tokens.</summary>
    T1,
}
