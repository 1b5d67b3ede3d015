using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static OpenTok.Refit.Tests.TestApplication;

namespace OpenTok.Refit.Tests.Tokens;

/// <summary>What a Vonage application's settings must be, and the clear errors when they are not — before any call, and at start under DI.</summary>
public class ApplicationKeyTests
{
    public static TheoryData<string, string> BadKeys()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var small = RSA.Create(1024);
        using var rsa = RSA.Create(2048);
        return new()
        {
            { "not PEM", "this is not a key" },
            { "a public key", rsa.ExportSubjectPublicKeyInfoPem() },
            { "an EC key", ec.ExportPkcs8PrivateKeyPem() },
            { "a 1024-bit key", small.ExportPkcs8PrivateKeyPem() },
            { "a broken PEM body", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
            { "empty", "" },
        };
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void A_bad_key_is_refused_with_an_error_that_names_the_setting_and_never_shows_the_key(string because, string pem)
    {
        var error = Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(OpenTokOptions.ForApplication(AppId, pem)));

        Assert.Equal("PrivateKey", error.ParamName);
        Assert.True(pem.Length < 40 || !error.Message.Contains(pem[30..40], StringComparison.Ordinal), because);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData(" 29f760f8-7ce1-46c9-ade3-f2dedee4ed5f")]
    [InlineData("")]
    public void The_application_id_must_be_a_UUID(string applicationId) =>
        Assert.Equal("ApplicationId", Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(OpenTokOptions.ForApplication(applicationId, AppKeyPem))).ParamName);

    [Fact]
    public void Both_modes_or_neither_is_an_error_that_says_what_to_set()
    {
        var both = Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(new OpenTokOptions { ApiKey = TestCredentials.ApiKey, ApiSecret = TestCredentials.ApiSecret, ApplicationId = AppId, PrivateKey = AppKeyPem }));
        var neither = Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(new OpenTokOptions()));
        var keyTwice = Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(new OpenTokOptions { ApplicationId = AppId, PrivateKey = AppKeyPem, PrivateKeyPath = "private.key" }));
        var noKey = Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(new OpenTokOptions { ApplicationId = AppId }));

        Assert.Contains("not both", both.Message, StringComparison.Ordinal);
        Assert.Contains("ApplicationId", neither.Message, StringComparison.Ordinal);
        Assert.Equal("PrivateKeyPath", keyTwice.ParamName);
        Assert.Equal("PrivateKey", noKey.ParamName);
    }

    [Fact]
    public void The_key_is_read_from_PrivateKeyPath_and_a_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"opentok-{Guid.NewGuid():N}.key");
        File.WriteAllText(path, AppKeyPem);
        try
        {
            using var client = new OpenTokClient(new OpenTokOptions { ApplicationId = AppId, PrivateKeyPath = path }, new FixedTimeProvider(TestCredentials.Now));
            Assert.True(client.IsVonageApplication);
            Assert.StartsWith("eyJhbGciOiJSUzI1NiIs", client.GenerateToken(AppSessionId), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal("PrivateKeyPath", Assert.Throws<OpenTokArgumentException>(() => new OpenTokClient(new OpenTokOptions { ApplicationId = AppId, PrivateKeyPath = path })).ParamName);
    }

    [Fact]
    public void The_mode_picks_the_default_base_address_and_printing_hides_the_key()
    {
        using var client = AppClient();
        var options = OpenTokOptions.ForApplication(AppId, AppKeyPem);

        Assert.Equal(new Uri("https://video.api.vonage.com"), client.BaseAddress);
        Assert.Equal(AppId, client.ApiKey);
        Assert.Equal(new Uri("https://api.opentok.com"), new OpenTokClient(TestCredentials.ApiKey, TestCredentials.ApiSecret).BaseAddress);
        Assert.DoesNotContain("PRIVATE", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("PrivateKey = ***", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_DI_a_bad_key_from_configuration_fails_at_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpenTok(o => { o.ApplicationId = AppId; o.PrivateKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"; });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PrivateKey", error.Message, StringComparison.Ordinal);
    }
}
