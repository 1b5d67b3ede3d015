namespace OpenTok.Refit.Http;

/// <summary>
/// Marks an interface whose methods declare REST endpoints with <see cref="GetAttribute"/>, <see cref="PostAttribute"/>, …;
/// the source generator implements it over <see cref="HttpClient"/> at compile time, as a class named after the
/// interface without its leading <c>I</c> plus <c>Client</c> (<c>IArchivesApi</c> → <c>ArchivesApiClient</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GenerateRestClientAttribute : Attribute;

/// <summary>The HTTP method and path template of an endpoint; path parameters are named in braces (<c>{archiveId}</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class HttpMethodAttribute : Attribute
{
    /// <summary>Declares an endpoint.</summary>
    /// <param name="path">The path template, relative to the base address, starting with <c>/</c>.</param>
    protected HttpMethodAttribute(string path) => Path = path;

    /// <summary>The path template.</summary>
    public string Path { get; }

    /// <summary>The HTTP method.</summary>
    public abstract HttpMethod Method { get; }
}

/// <summary>Declares a <c>GET</c> endpoint.</summary>
/// <param name="path">The path template.</param>
public sealed class GetAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc/>
    public override HttpMethod Method => HttpMethod.Get;
}

/// <summary>Declares a <c>POST</c> endpoint.</summary>
/// <param name="path">The path template.</param>
public sealed class PostAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc/>
    public override HttpMethod Method => HttpMethod.Post;
}

/// <summary>Declares a <c>PUT</c> endpoint.</summary>
/// <param name="path">The path template.</param>
public sealed class PutAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc/>
    public override HttpMethod Method => HttpMethod.Put;
}

/// <summary>Declares a <c>PATCH</c> endpoint.</summary>
/// <param name="path">The path template.</param>
public sealed class PatchAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc/>
    public override HttpMethod Method => HttpMethod.Patch;
}

/// <summary>Declares a <c>DELETE</c> endpoint.</summary>
/// <param name="path">The path template.</param>
public sealed class DeleteAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc/>
    public override HttpMethod Method => HttpMethod.Delete;
}

/// <summary>How a <see cref="BodyAttribute"/> parameter goes on the wire.</summary>
public enum BodySerializationMethod
{
    /// <summary>JSON through the SDK's source-generated serializer context (<c>application/json</c>).</summary>
    Json,

    /// <summary>
    /// <c>application/x-www-form-urlencoded</c>: each readable property of the body becomes a field named by its
    /// <see cref="AliasAsAttribute"/> (or its camelCase name); <see langword="null"/> values are left out and
    /// booleans are written lower-case.
    /// </summary>
    UrlEncoded,
}

/// <summary>Marks the parameter that is the request body. At most one per method.</summary>
/// <param name="method">How the body is serialised. Default JSON.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class BodyAttribute(BodySerializationMethod method = BodySerializationMethod.Json) : Attribute
{
    /// <summary>How the body is serialised.</summary>
    public BodySerializationMethod SerializationMethod { get; } = method;
}

/// <summary>
/// Marks a parameter as a query-string value, named as the parameter (or its <see cref="AliasAsAttribute"/>).
/// <see langword="null"/> values are left out. Parameters that are neither path, body, header nor cancellation
/// token are query values too; the attribute makes that explicit.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class QueryAttribute : Attribute;

/// <summary>The name a parameter or form-body property has on the wire, where it differs from the C# name.</summary>
/// <param name="name">The wire name, e.g. <c>p2p.preference</c>.</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class AliasAsAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;
}

/// <summary>Sends the parameter's value as the named request header (left out when <see langword="null"/>).</summary>
/// <param name="name">The header name.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class HeaderAttribute(string name) : Attribute
{
    /// <summary>The header name.</summary>
    public string Name { get; } = name;
}

/// <summary>Fixed request headers, each written <c>Name: value</c>, on a method or on every method of an interface.</summary>
/// <param name="headers">The headers.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, Inherited = false)]
public sealed class HeadersAttribute(params string[] headers) : Attribute
{
    /// <summary>The headers, each <c>Name: value</c>.</summary>
    public IReadOnlyList<string> Headers { get; } = headers;
}
