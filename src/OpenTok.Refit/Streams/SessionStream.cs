using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>A stream published in a session, as the service describes it. Unknown fields are ignored.</summary>
public sealed record SessionStream
{
    /// <summary>The stream id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>Camera, screen or custom.</summary>
    public VideoType VideoType { get; init; }

    /// <summary>The name the publisher gave the stream; empty when it gave none.</summary>
    public string Name { get => field ?? ""; init; }

    /// <summary>The layout classes of the stream in composed archives and broadcasts.</summary>
    public IReadOnlyList<string> LayoutClassList { get => field ?? []; init; }
}

/// <summary>What a stream's video shows. Extensible: a value the service adds later is kept, not refused.</summary>
[ExtensibleEnum]
public readonly partial record struct VideoType
{
    /// <summary>A camera. Wire value <c>camera</c>.</summary>
    [WireValue("camera")] public static partial VideoType Camera { get; }

    /// <summary>A shared screen. Wire value <c>screen</c>.</summary>
    [WireValue("screen")] public static partial VideoType Screen { get; }

    /// <summary>A custom video source. Wire value <c>custom</c>.</summary>
    [WireValue("custom")] public static partial VideoType Custom { get; }
}

/// <summary>The layout classes to give one stream: an item of a set-class-lists request.</summary>
/// <param name="Id">The stream id.</param>
/// <param name="LayoutClassList">The classes, replacing the stream's current ones; empty clears them.</param>
public sealed record StreamClassList(string Id, IReadOnlyList<string> LayoutClassList)
{
    /// <summary>
    /// Checks the id and every class: a class is one CSS class name, so it may not be empty or hold white space
    /// (<c>"a b"</c> would silently become two classes).
    /// </summary>
    /// <param name="paramName">How the caller names this item in an error, e.g. <c>classLists[2]</c>.</param>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message names the item and the rule.</exception>
    public void Validate(string paramName = "classList")
    {
        Arguments.EnsurePathSegment(Id, $"{paramName}.{nameof(Id)}");
        if (LayoutClassList is null)
        {
            throw new OpenTokArgumentException($"{paramName}.{nameof(LayoutClassList)} is null; pass an empty list to clear the classes.", paramName);
        }

        for (var i = 0; i < LayoutClassList.Count; i++)
        {
            var name = LayoutClassList[i];
            if (string.IsNullOrEmpty(name) || name.Any(char.IsWhiteSpace))
            {
                throw new OpenTokArgumentException($"{paramName}.{nameof(LayoutClassList)}[{i}] must be one class name without white space; {Arguments.Quote(name)} is not.", paramName);
            }
        }
    }
}

/// <summary>The answer of list streams: <c>{ "count": n, "items": [ … ] }</c> (not paged).</summary>
internal sealed record StreamList(int Count, IReadOnlyList<SessionStream> Items);

/// <summary>The body of set class lists: <c>{ "items": [ { "id": …, "layoutClassList": [ … ] } ] }</c>.</summary>
internal sealed record StreamClassListsRequest(IReadOnlyList<StreamClassList> Items);
