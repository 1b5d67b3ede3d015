using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ComposerFixtures;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Every local rule of Experience Composer, callbacks and project management is checked before anything is sent.</summary>
public class ComposerValidationTests
{
    private const string Page = "https://webapp.example.com/room/1";

    private static RenderOptions Render => new() { Url = Page };

    public static TheoryData<string, Func<OpenTokClient, Task>> Cases => new()
    {
        { "sessionId", c => c.ExperienceComposer.StartAsync("not-a-session", "t", Render) },
        { "sessionId", c => c.ExperienceComposer.StartAsync(SessionFor("654321"), "t", Render) },
        { "token", c => c.ExperienceComposer.StartAsync(ExampleSessionId, " ", Render) },
        { "token", c => c.ExperienceComposer.StartAsync(ExampleSessionId, null!, Render) },
        { "Url", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", new RenderOptions()) },
        { "Url", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", new RenderOptions { Url = "https://a.io/x" }) }, // 14 characters
        { "Url", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", new RenderOptions { Url = "https://example.com/" + new string('a', 2029) }) }, // 2049
        { "Url", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", new RenderOptions { Url = "ftp://files.example.com/page" }) },
        { "Url", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", new RenderOptions { Url = "webapp.example.com/room/1" }) },
        { "MaxDuration", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", Render with { MaxDuration = TimeSpan.FromSeconds(59) }) },
        { "MaxDuration", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", Render with { MaxDuration = TimeSpan.FromSeconds(36001) }) },
        { "MaxDuration", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", Render with { MaxDuration = TimeSpan.FromSeconds(90.5) }) },
        { "Resolution", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", Render with { Resolution = new Resolution("1x1") }) },
        { "Properties.Name", c => c.ExperienceComposer.StartAsync(ExampleSessionId, "t", Render with { Properties = new RenderProperties { Name = new string('n', 201) } }) },
        { "renderId", c => c.ExperienceComposer.GetAsync("") },
        { "renderId", c => c.ExperienceComposer.GetAsync("not-a-uuid") },
        { "renderId", c => c.ExperienceComposer.StopAsync("../../archive") },
        { "renderId", c => c.ExperienceComposer.StopAsync(RenderId + "\r\n") },
        { "group", c => c.Callbacks.RegisterAsync(default, CallbackEvent.Created, "https://example.com/events") },
        { "callbackEvent", c => c.Callbacks.RegisterAsync(CallbackGroup.Connection, default, "https://example.com/events") },
        { "callbackEvent", c => c.Callbacks.RegisterAsync(CallbackGroup.Archive, CallbackEvent.Created, "https://example.com/events") },
        { "callbackEvent", c => c.Callbacks.RegisterAsync(CallbackGroup.Stream, CallbackEvent.Status, "https://example.com/events") },
        { "url", c => c.Callbacks.RegisterAsync(CallbackGroup.Stream, CallbackEvent.Created, "/events") },
        { "url", c => c.Callbacks.RegisterAsync(CallbackGroup.Stream, CallbackEvent.Created, "mailto:ops@example.com") },
        { "url", c => c.Callbacks.RegisterAsync(CallbackGroup.Stream, CallbackEvent.Created, null!) },
        { "callbackId", c => c.Callbacks.UnregisterAsync("") },
        { "callbackId", c => c.Callbacks.UnregisterAsync("a/../b") },
        { "projectApiKey", c => c.Projects.GetAsync("") },
        { "projectApiKey", c => c.Projects.GetAsync("123?x=1") },
        { "projectApiKey", c => c.Projects.ChangeStatusAsync("12 34", ProjectStatus.Active) },
        { "status", c => c.Projects.ChangeStatusAsync(ProjectApiKey, ProjectStatus.Valid) },
        { "status", c => c.Projects.ChangeStatusAsync(ProjectApiKey, default) },
        { "status", c => c.Projects.ChangeStatusAsync(ProjectApiKey, new ProjectStatus("active")) },
        { "projectApiKey", c => c.Projects.RefreshSecretAsync("%2e%2e") },
        { "projectApiKey", c => c.Projects.DeleteAsync(" ") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Bad_input_is_a_typed_error_naming_what_was_wrong_and_nothing_is_sent(string parameter, Func<OpenTokClient, Task> call) =>
        AssertRefusedBeforeSendingAsync(parameter, call);

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        new RenderOptions { Url = "https://a.io/xy", MaxDuration = TimeSpan.FromSeconds(60), Properties = new RenderProperties { Name = new string('n', 200) } }.Validate();
        new RenderOptions { Url = "http://example.com/" + new string('a', 2029), MaxDuration = TimeSpan.FromSeconds(36000), Resolution = Resolution.FullHdPortrait }.Validate();
    }

    [Fact]
    public void Callback_events_the_SDK_does_not_know_yet_are_the_services_to_judge()
    {
        new RegisterCallbackRequest { Group = new CallbackGroup("broadcast"), Event = CallbackEvent.Status, Url = "https://example.com/e" }.Validate();
        new RegisterCallbackRequest { Group = CallbackGroup.Stream, Event = new CallbackEvent("muted"), Url = "https://example.com/e" }.Validate();
    }

    [Fact]
    public void The_builder_runs_the_rules()
    {
        var error = Assert.Throws<OpenTokArgumentException>(() => new RenderOptions.Builder().Url(Page).MaxDuration(TimeSpan.FromSeconds(10)).Build());
        Assert.Equal("MaxDuration", error.ParamName);

        var built = new RenderOptions.Builder().Url(Page).Resolution(Resolution.Sd).Properties(new RenderProperties { Name = "Whiteboard" }).Build();
        Assert.Equal(new RenderOptions { Url = Page, Resolution = Resolution.Sd, Properties = new RenderProperties { Name = "Whiteboard" } }, built);
    }
}
