using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// Where OpenTok uploads finished archives: an S3 bucket or an Azure container, and what to do
/// if an upload fails. Make one with <see cref="S3"/> or <see cref="Azure"/>. Its printed form hides the keys.
/// </summary>
[GenerateBuilder]
public sealed partial record ArchiveStorage
{
    // Defaults live in the getters, not in initializers, which the source-generated JSON reader overwrites with null.
    private static readonly ArchiveStorageConfig Empty = new();

    /// <summary><c>s3</c> or <c>azure</c>.</summary>
    public string Type { get => field ?? ""; init; }

    /// <summary>The target's settings.</summary>
    public ArchiveStorageConfig Config { get => field ?? Empty; init; }

    /// <summary><c>none</c>: keep nothing in the OpenTok cloud if the upload fails; <c>opentok</c>: keep the file available there.</summary>
    public string? Fallback { get; init; }

    /// <summary>An Amazon S3 (or S3-compatible) bucket.</summary>
    /// <param name="accessKey">The access key id.</param>
    /// <param name="secretKey">The secret access key.</param>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="endpoint">An S3-compatible endpoint (with scheme), or <see langword="null"/> for AWS.</param>
    /// <param name="serverSideEncryption"><c>s3</c> for S3-managed encryption, <c>none</c>, or <see langword="null"/>.</param>
    /// <param name="fallback"><c>none</c> or <c>opentok</c>, or <see langword="null"/> for the server default.</param>
    /// <returns>The storage settings.</returns>
    public static ArchiveStorage S3(string accessKey, string secretKey, string bucket, string? endpoint = null, string? serverSideEncryption = null, string? fallback = null) =>
        new() { Type = "s3", Fallback = fallback, Config = new() { AccessKey = accessKey, SecretKey = secretKey, Bucket = bucket, Endpoint = endpoint, Sse = serverSideEncryption } };

    /// <summary>A Microsoft Azure blob container.</summary>
    /// <param name="accountName">The storage account name.</param>
    /// <param name="accountKey">The storage account key.</param>
    /// <param name="container">The container name.</param>
    /// <param name="domain">A custom domain, or <see langword="null"/>.</param>
    /// <param name="fallback"><c>none</c> or <c>opentok</c>, or <see langword="null"/> for the server default.</param>
    /// <returns>The storage settings.</returns>
    public static ArchiveStorage Azure(string accountName, string accountKey, string container, string? domain = null, string? fallback = null) =>
        new() { Type = "azure", Fallback = fallback, Config = new() { AccountName = accountName, AccountKey = accountKey, Container = container, Domain = domain } };

    /// <summary>Checks that the settings for the chosen type are complete.</summary>
    /// <exception cref="OpenTokArgumentException">A required setting is missing or a value is not allowed.</exception>
    public void Validate()
    {
        switch (Type)
        {
            case "s3":
                Require(Config.AccessKey, "Config.AccessKey");
                Require(Config.SecretKey, "Config.SecretKey");
                Require(Config.Bucket, "Config.Bucket");
                if (Config.Sse is not (null or "s3" or "none"))
                {
                    throw new OpenTokArgumentException($"Config.Sse must be 's3' or 'none'; '{Config.Sse}' is not.", "Config.Sse");
                }

                if (Config.Endpoint is { } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
                {
                    throw new OpenTokArgumentException("Config.Endpoint must be an absolute URL with its scheme.", "Config.Endpoint");
                }

                break;
            case "azure":
                Require(Config.AccountName, "Config.AccountName");
                Require(Config.AccountKey, "Config.AccountKey");
                Require(Config.Container, "Config.Container");
                break;
            default:
                throw new OpenTokArgumentException($"Type must be 's3' or 'azure'; '{Type}' is not.", nameof(Type));
        }

        if (Fallback is not (null or "none" or "opentok"))
        {
            throw new OpenTokArgumentException($"Fallback must be 'none' or 'opentok'; '{Fallback}' is not.", nameof(Fallback));
        }

        static void Require(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new OpenTokArgumentException($"{name} is required for this storage type.", name);
            }
        }
    }
}

/// <summary>The settings of an archive storage target; which apply depends on <see cref="ArchiveStorage.Type"/>.</summary>
[GenerateBuilder]
public sealed partial record ArchiveStorageConfig
{
    /// <summary>S3: the access key id.</summary>
    public string? AccessKey { get; init; }

    /// <summary>S3: the secret access key. Hidden when printed.</summary>
    public string? SecretKey { get; init; }

    /// <summary>S3: the bucket.</summary>
    public string? Bucket { get; init; }

    /// <summary>S3: an S3-compatible endpoint.</summary>
    public string? Endpoint { get; init; }

    /// <summary>S3: server-side encryption, <c>s3</c> or <c>none</c>.</summary>
    public string? Sse { get; init; }

    /// <summary>Azure: the storage account name.</summary>
    public string? AccountName { get; init; }

    /// <summary>Azure: the storage account key. Hidden when printed.</summary>
    public string? AccountKey { get; init; }

    /// <summary>Azure: the container.</summary>
    public string? Container { get; init; }

    /// <summary>Azure: a custom domain.</summary>
    public string? Domain { get; init; }

    // Keys are credentials: a record's generated ToString would print them into logs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"AccessKey = {AccessKey}, SecretKey = {(SecretKey is null ? "" : "***")}, Bucket = {Bucket}, Endpoint = {Endpoint}, Sse = {Sse}, ");
        builder.Append(CultureInfo.InvariantCulture, $"AccountName = {AccountName}, AccountKey = {(AccountKey is null ? "" : "***")}, Container = {Container}, Domain = {Domain}");
        return true;
    }
}
