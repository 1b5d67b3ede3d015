namespace OpenTok.Refit.Tests.Builders;

/// <summary>The generated builders on the SDK's own option records: same values as hand-made records, and the records' rules on Build().</summary>
public class OptionBuilderTests
{
    [Fact]
    public void TokenOptions_builder_reads_like_OpenVidu_and_equals_the_hand_made_record()
    {
        var options = new TokenOptions.Builder().Role(Role.Subscriber).Data("name=Johnny").Build();

        Assert.Equal(new TokenOptions { Role = Role.Subscriber, Data = "name=Johnny" }, options);
        Assert.Equal(TokenFormat.Jwt, options.Format); // the record's own default
    }

    [Fact]
    public void CreateBuilder_and_AddInitialLayoutClass_build_the_list_in_order_without_sharing_it()
    {
        var start = TokenOptions.CreateBuilder().AddInitialLayoutClass("focus");
        var a = start.AddInitialLayoutClass("full").Build();
        var b = start.AddInitialLayoutClass("small").Build();

        Assert.Equal(["focus", "full"], a.InitialLayoutClassList);
        Assert.Equal(["focus", "small"], b.InitialLayoutClassList);
    }

    [Fact]
    public void Build_runs_the_records_rules()
    {
        var error = Assert.Throws<OpenTokArgumentException>(() => TokenOptions.CreateBuilder().Data(new string('x', 1001)).Build());
        Assert.Equal("Data", error.ParamName);

        Assert.Equal("ArchiveMode", Assert.Throws<OpenTokArgumentException>(
            () => SessionOptions.CreateBuilder().ArchiveMode(ArchiveMode.Always).Build()).ParamName);
        Assert.Equal("Resolution", Assert.Throws<OpenTokArgumentException>(
            () => ArchiveOptions.CreateBuilder().OutputMode(OutputMode.Individual).Resolution(Resolution.Hd).Build()).ParamName);
        Assert.Equal("Stylesheet", Assert.Throws<OpenTokArgumentException>(
            () => Layout.CreateBuilder().Type(LayoutType.Custom).Build()).ParamName);
        Assert.Equal("Config.Bucket", Assert.Throws<OpenTokArgumentException>(
            () => ArchiveStorage.CreateBuilder().Type("s3").Config(new ArchiveStorageConfig { AccessKey = "a", SecretKey = "s" }).Build()).ParamName);
    }

    [Fact]
    public void Every_option_record_has_a_builder_that_round_trips_through_ToBuilder()
    {
        var session = new SessionOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always, ArchiveName = "Room", Location = "10.0.0.1" };
        var archive = new ArchiveOptions
        {
            Name = "Room",
            Resolution = Resolution.FullHd,
            Layout = new Layout.Builder().Type(LayoutType.BestFit).ScreenshareType(LayoutType.Pip).Build(),
            MaxBitrate = 2_000_000,
            HasTranscription = true,
            TranscriptionProperties = new TranscriptionProperties.Builder().PrimaryLanguageCode("en-US").HasSummary(true).Build(),
        };
        var storage = ArchiveStorage.S3("access", "secret", "bucket", fallback: "opentok");

        Assert.Equal(session, session.ToBuilder().Build());
        Assert.Equal(archive, archive.ToBuilder().Build());
        Assert.Equal(storage, storage.ToBuilder().Build());
        Assert.Equal(new SessionOptions { MediaMode = MediaMode.Routed }, SessionOptions.CreateBuilder().MediaMode(MediaMode.Routed).Build());
    }

    [Fact]
    public void Storage_keys_are_hidden_when_printed()
    {
        var text = ArchiveStorage.Azure("account", "account-key-secret", "container").ToString();

        Assert.DoesNotContain("account-key-secret", text, StringComparison.Ordinal);
        Assert.Contains("AccountName = account", text, StringComparison.Ordinal);
    }
}
