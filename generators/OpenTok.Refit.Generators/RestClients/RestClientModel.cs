using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.RestClients;

/// <summary>
/// What the parser found for one <c>[GenerateRestClient]</c> interface: the model to emit (null when an error stops
/// generation) and the diagnostics to report. Plain values only, so the step caches.
/// </summary>
internal sealed record RestClientTarget(RestClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Everything the emitter needs to write one interface's client class.</summary>
/// <param name="HintName">The generated file's name: <c>Namespace.Outer.IArchivesApi.RestClient.g.cs</c>.</param>
/// <param name="Namespace">The interface's namespace, which the client shares; null for the global namespace.</param>
/// <param name="ClassName">The client's name: the interface's without its leading <c>I</c>, plus <c>Client</c>.</param>
/// <param name="InterfaceName">The interface's <c>global::</c>-qualified name.</param>
/// <param name="Methods">One endpoint per interface method, in declaration order.</param>
internal sealed record RestClientModel(
    string HintName,
    string? Namespace,
    string ClassName,
    string InterfaceName,
    EquatableArray<RestMethod> Methods);

/// <summary>One endpoint: the signature to implement and the request to build.</summary>
/// <param name="Name">The method name, escaped when it is a keyword.</param>
/// <param name="ReturnTypeName">The declared return type, <c>global::</c>-qualified: <c>Task</c> or <c>Task&lt;T&gt;</c>.</param>
/// <param name="ResultTypeName">The <c>T</c> of <c>Task&lt;T&gt;</c>, read from the answer's JSON; null for <c>Task</c>.</param>
/// <param name="HttpMethod">The <see cref="System.Net.Http.HttpMethod"/> property naming the method: <c>Get</c>, <c>Post</c>…</param>
/// <param name="PathTemplate">The declared path template, as written.</param>
/// <param name="PathParts">The template cut into literal text and parameter values, in order.</param>
/// <param name="Parameters">The method's parameters, as the implementation declares them.</param>
/// <param name="QueryFields">The query-string values, in parameter order.</param>
/// <param name="Headers">The headers to set, in order: fixed ones (the interface's, then the method's, the method's winning), then parameters.</param>
/// <param name="Body">The request body, or null when there is none.</param>
/// <param name="CancellationTokenName">The <c>CancellationToken</c> parameter's (escaped) name, or null when there is none.</param>
internal sealed record RestMethod(
    string Name,
    string ReturnTypeName,
    string? ResultTypeName,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<PathPart> PathParts,
    EquatableArray<RestParameter> Parameters,
    EquatableArray<RestField> QueryFields,
    EquatableArray<RestHeader> Headers,
    RestBody? Body,
    string? CancellationTokenName);

/// <summary>A run of a path template: literal text, or a parameter's value escaped as one path segment.</summary>
/// <param name="Text">The literal text, or the parameter's name in the template (<c>{archiveId}</c> → <c>archiveId</c>).</param>
/// <param name="ParameterName">The (escaped) parameter whose value goes here; null for literal text.</param>
internal sealed record PathPart(string Text, string? ParameterName);

/// <summary>A parameter of the implemented method.</summary>
/// <param name="TypeName">Its type, <c>global::</c>-qualified, with nullable annotations.</param>
/// <param name="Name">Its name, escaped when it is a keyword.</param>
/// <param name="DefaultValue">Its default value as C# (<c>null</c>, <c>default</c>, <c>"text"</c>…), or null when it is required.</param>
internal sealed record RestParameter(string TypeName, string Name, string? DefaultValue);

/// <summary>A named value for a query string or a form body.</summary>
/// <param name="WireName">The name on the wire: the <c>[AliasAs]</c> name, else the parameter's name or the property's camelCase name.</param>
/// <param name="Expression">The C# expression that reads the value: a parameter (<c>offset</c>) or a body property (<c>body.ArchiveMode</c>).</param>
internal sealed record RestField(string WireName, string Expression);

/// <summary>A request header.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The fixed value, when <paramref name="ParameterName"/> is null.</param>
/// <param name="ParameterName">The (escaped) <c>[Header]</c> parameter that holds the value, or null for a fixed header.</param>
internal sealed record RestHeader(string Name, string? Value, string? ParameterName);

/// <summary>The request body.</summary>
/// <param name="ParameterName">The (escaped) <c>[Body]</c> parameter.</param>
/// <param name="IsUrlEncoded">Whether it is sent as form fields (else as JSON).</param>
/// <param name="CanBeNull">Whether the parameter's type admits null, so it is checked before use.</param>
/// <param name="FormFields">For a form body: one field per public readable property of the body's type.</param>
internal sealed record RestBody(string ParameterName, bool IsUrlEncoded, bool CanBeNull, EquatableArray<RestField> FormFields);
