namespace OpenTok.Refit.Tests.Models;

/// <summary>
/// The generated wire names of the SDK's closed enums: <see cref="Role"/> in tokens, <see cref="MediaMode"/> and
/// <see cref="ArchiveMode"/> in the session-creation form.
/// </summary>
public sealed class WireValueEnumTests
{
    public static TheoryData<Role, string> Roles => new()
    {
        { Role.Publisher, "publisher" },
        { Role.Subscriber, "subscriber" },
        { Role.Moderator, "moderator" },
        { Role.PublisherOnly, "publisheronly" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void A_role_has_its_wire_name_and_reads_back_from_it(Role role, string wireName)
    {
        Assert.Equal(wireName, role.ToWireValue());
        Assert.Equal(role, RoleWireValues.FromWireValue(wireName));
    }

    [Fact]
    public void Every_defined_role_has_a_wire_name()
    {
        Assert.All(Enum.GetValues<Role>(), role => Assert.Equal(role, RoleWireValues.FromWireValue(role.ToWireValue())));
        Assert.Equal(Enum.GetValues<Role>().Length, Roles.Count);
    }

    [Fact]
    public void Role_ToWireValue_allocates_nothing()
    {
        var roles = Enum.GetValues<Role>();
        foreach (var role in roles)
        {
            _ = role.ToWireValue(); // Compiled and the literals interned before measuring.
        }

        var length = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var role in roles)
            {
                length += role.ToWireValue().Length;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000 * "publishersubscribermoderatorpublisheronly".Length, length);
    }

    [Fact]
    public void An_undefined_role_throws_naming_the_parameter_and_the_allowed_roles()
    {
        var error = Assert.Throws<OpenTokArgumentException>(() => ((Role)42).ToWireValue());

        Assert.Equal("value", error.ParamName);
        Assert.StartsWith("Role must be Publisher, Subscriber, Moderator or PublisherOnly; 42 is not a defined Role.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Publisher")]
    [InlineData("PUBLISHER")]
    [InlineData("publisher ")]
    [InlineData("owner")]
    public void A_string_that_is_not_a_wire_name_reads_as_no_role(string? wireName) =>
        Assert.Null(RoleWireValues.FromWireValue(wireName));

    [Fact]
    public void Media_mode_is_the_p2p_preference_and_archive_mode_its_own_name()
    {
        Assert.Equal("enabled", MediaMode.Relayed.ToWireValue());
        Assert.Equal("disabled", MediaMode.Routed.ToWireValue());
        Assert.Equal(MediaMode.Routed, MediaModeWireValues.FromWireValue("disabled"));
        Assert.Equal("manual", ArchiveMode.Manual.ToWireValue());
        Assert.Equal("always", ArchiveMode.Always.ToWireValue());
        Assert.Equal(ArchiveMode.Always, ArchiveModeWireValues.FromWireValue("always"));
        Assert.Null(ArchiveModeWireValues.FromWireValue("Always"));
    }

    [Fact]
    public void Session_options_send_the_wire_values_of_their_modes()
    {
        var routed = new SessionOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always }.ToRequest();
        var relayed = new SessionOptions().ToRequest();

        Assert.Equal(("disabled", "always"), (routed.P2pPreference, routed.ArchiveMode));
        Assert.Equal(("enabled", "manual"), (relayed.P2pPreference, relayed.ArchiveMode));
    }

    [Fact]
    public void An_undefined_media_mode_throws_instead_of_sending_a_guess()
    {
        var error = Assert.Throws<OpenTokArgumentException>(() => new SessionOptions { MediaMode = (MediaMode)7 }.ToRequest());

        Assert.Equal("value", error.ParamName);
        Assert.StartsWith("MediaMode must be Relayed or Routed; 7 is not a defined MediaMode.", error.Message, StringComparison.Ordinal);
    }
}
