using System.Reflection;
using System.Runtime.CompilerServices;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>The builder the real generator produced for <see cref="SampleOptions"/>, used as callers will use it.</summary>
public sealed class SampleOptionsBuilderTests
{
    [Fact]
    public void Built_record_equals_the_hand_made_one()
    {
        var built = new SampleOptions.Builder().Role(SampleRole.Subscriber).Data("name=Johnny").Build();

        Assert.Equal(new SampleOptions { Role = SampleRole.Subscriber, Data = "name=Johnny" }, built);
    }

    [Fact]
    public void CreateBuilder_is_the_same_as_new_Builder()
    {
        var built = SampleOptions.CreateBuilder().Role(SampleRole.Moderator).Name("Ann").Build();

        Assert.Equal(new SampleOptions.Builder().Role(SampleRole.Moderator).Name("Ann").Build(), built);
    }

    [Fact]
    public void Unset_properties_keep_the_record_defaults()
    {
        var defaults = new SampleOptions();

        Assert.Equal(defaults, new SampleOptions.Builder().Build());
        Assert.Equal(defaults, SampleOptions.CreateBuilder().Build());
        Assert.Equal(defaults, default(SampleOptions.Builder).Build());
        var built = new SampleOptions.Builder().Data("x").Build();
        Assert.Equal("guest", built.Name);
        Assert.Equal(SampleRole.Publisher, built.Role);
        Assert.Empty(built.InitialLayoutClassList);
        Assert.Null(built.Headers);
    }

    [Fact]
    public void Later_calls_win()
    {
        var built = new SampleOptions.Builder().Data("first").Data("second").Data(null).Build();

        Assert.Null(built.Data);
    }

    [Fact]
    public void Add_appends_after_the_items_already_set()
    {
        var built = new SampleOptions.Builder()
            .InitialLayoutClassList(["full"])
            .AddInitialLayoutClass("focus")
            .AddInitialLayoutClass("big")
            .Build();

        Assert.Equal(["full", "focus", "big"], built.InitialLayoutClassList);
    }

    [Fact]
    public void Builders_are_values_that_share_no_state()
    {
        var common = new SampleOptions.Builder().AddInitialLayoutClass("shared");
        var left = common.AddInitialLayoutClass("left");
        var right = common.AddInitialLayoutClass("right");
        var renamed = common.Name("other");

        Assert.Equal(["shared"], common.Build().InitialLayoutClassList);
        Assert.Equal(["shared", "left"], left.Build().InitialLayoutClassList);
        Assert.Equal(["shared", "right"], right.Build().InitialLayoutClassList);
        Assert.Equal("guest", common.Build().Name);
        Assert.Equal("other", renamed.Build().Name);
    }

    [Fact]
    public void Add_never_mutates_a_list_the_caller_passed()
    {
        var classes = new List<string> { "full" };

        var built = new SampleOptions.Builder().InitialLayoutClassList(classes).AddInitialLayoutClass("focus").Build();

        Assert.Equal(["full"], classes);
        Assert.Equal(["full", "focus"], built.InitialLayoutClassList);
    }

    [Fact]
    public void AddHeader_copies_the_dictionary_keeps_its_comparer_and_replaces_a_key()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Trace"] = "1" };
        var original = new SampleOptions { Headers = headers };

        var built = original.ToBuilder().AddHeader("x-trace", "2").AddHeader("X-Other", "3").Build();

        Assert.Equal("1", headers["X-Trace"]);
        Assert.Single(headers);
        Assert.Equal(2, built.Headers!.Count);
        Assert.Equal("2", built.Headers["X-TRACE"]);
        Assert.Equal("3", built.Headers["x-other"]);
        Assert.Equal("v", new SampleOptions.Builder().AddHeader("k", "v").Build().Headers!["k"]);
    }

    [Fact]
    public void ToBuilder_starts_from_the_instance_and_leaves_it_unchanged()
    {
        var original = new SampleOptions { Name = "Ann", Role = SampleRole.Moderator, InitialLayoutClassList = ["a"] };

        var changed = original.ToBuilder().Data("d").AddInitialLayoutClass("b").Build();

        Assert.Equal(new SampleOptions { Name = "Ann", Role = SampleRole.Moderator, InitialLayoutClassList = ["a"] }.Name, original.Name);
        Assert.Null(original.Data);
        Assert.Equal(["a"], original.InitialLayoutClassList);
        Assert.Equal("d", changed.Data);
        Assert.Equal(SampleRole.Moderator, changed.Role);
        Assert.Equal(["a", "b"], changed.InitialLayoutClassList);
        Assert.Throws<ArgumentNullException>(() => new SampleOptions.Builder(null!));
    }

    [Fact]
    public void Build_enforces_the_record_rules_with_the_record_exception()
    {
        var tooLong = new string('x', SampleOptions.MaxDataLength + 1);
        var direct = Assert.Throws<ArgumentOutOfRangeException>(() => new SampleOptions { Data = tooLong }.Validate());

        var fromBuilder = Assert.Throws<ArgumentOutOfRangeException>(() => new SampleOptions.Builder().Data(tooLong).Build());

        Assert.Equal("Data", fromBuilder.ParamName);
        Assert.Equal(direct.Message, fromBuilder.Message);
        var empty = Assert.Throws<ArgumentException>(() => new SampleOptions.Builder().Name(" ").Build());
        Assert.Equal("Name", empty.ParamName);
        Assert.Equal(new string('x', SampleOptions.MaxDataLength), new SampleOptions.Builder().Data(new string('x', SampleOptions.MaxDataLength)).Build().Data);
    }

    [Fact]
    public void Builder_is_a_readonly_struct_of_plain_methods_so_F_sharp_chains_need_no_ignore()
    {
        var builder = typeof(SampleOptions.Builder);

        Assert.True(builder.IsValueType);
        Assert.NotNull(builder.GetCustomAttribute<IsReadOnlyAttribute>());
        Assert.All(builder.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), field => Assert.True(field.IsInitOnly));
        var methods = builder.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.DoesNotContain(methods, method => method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal));
        Assert.All(methods, method => Assert.DoesNotContain(method.GetParameters(), p => p.ParameterType.IsByRef));
        var setters = methods.Where(method => method.Name != nameof(SampleOptions.Builder.Build)).ToList();
        Assert.All(setters, method => Assert.Equal(builder, method.ReturnType));
        Assert.Equal(
            ["AddHeader", "AddInitialLayoutClass", "Data", "Headers", "InitialLayoutClassList", "Name", "Role"],
            setters.Select(method => method.Name).Order(StringComparer.Ordinal));
    }
}
