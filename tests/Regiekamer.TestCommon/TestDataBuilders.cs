using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.TestCommon;

/// <summary>
/// Test data made through the real services (so it is validated and audited like anything else), stating only what a
/// test cares about: <c>await services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme"))</c>,
/// <c>await services.CreateUserAsync(u => u.Regisseur(partnership.Id))</c>,
/// <c>await services.CreateCallVersionAsync(v => v.Budget(3_100_000))</c>. Anything not said gets a default that is
/// valid and unique. <paramref name="services"/> is the app's or a test database's service provider (users need
/// Identity: the web app's, or Data.Tests' Accounts).
/// </summary>
public static class TestDataBuilders
{
    private static int _counter;

    internal static int Next() => Interlocked.Increment(ref _counter);

    /// <summary>Creates a partnership; fails the test when the service refuses it.</summary>
    public static async Task<Partnership> CreatePartnershipAsync(this IServiceProvider services, Action<PartnershipBuilder>? build = null, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new PartnershipBuilder();
        build?.Invoke(builder);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor ?? Actor.System;
        var created = await scope.ServiceProvider.GetRequiredService<PartnershipService>().CreateAsync(builder.Input);
        Xunit.Assert.True(created.IsSuccess, Describe(created.Errors));
        return created.Value!;
    }

    /// <summary>Creates a user with the roles asked for (none: a policy officer) and a password; fails the test when refused.</summary>
    public static async Task<RegiekamerUser> CreateUserAsync(this IServiceProvider services, Action<UserBuilder>? build = null, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new UserBuilder();
        build?.Invoke(builder);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor ?? Actor.System;
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(builder.EmailAddress, builder.DisplayName, builder.Grants, builder.PasswordText);
        Xunit.Assert.True(created.IsSuccess, Describe(created.Errors));
        return created.Value!;
    }

    /// <summary>Adds a version of a call's terms (the latest call unless told); fails the test when refused.</summary>
    public static async Task<CallVersion> CreateCallVersionAsync(this IServiceProvider services, Action<CallVersionBuilder>? build = null, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new CallVersionBuilder();
        build?.Invoke(builder);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor ?? Actor.System;
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        var call = builder.CallId is { } id ? await calls.GetAsync(id) : await calls.LatestAsync();
        Xunit.Assert.NotNull(call);
        var added = await calls.AddVersionAsync(call.Id, builder.Input(call.CurrentVersion), call.Version);
        Xunit.Assert.True(added.IsSuccess, Describe(added.Errors));
        return added.Value!;
    }

    private static string Describe(IReadOnlyList<DomainError> errors) => string.Join(" | ", errors.Select(e => $"{e.Code} {e.Field}: {e.Message.En}"));
}

/// <summary>A partnership to create; by default a central city applying alone, under a name of its own.</summary>
public sealed class PartnershipBuilder
{
    private static readonly string[] CentralCities = ["Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk", "Leuven", "Mechelen", "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout"];

    internal PartnershipInput Input { get; private set; }

    internal PartnershipBuilder()
    {
        var n = TestDataBuilders.Next();
        var city = CentralCities[n % CentralCities.Length];
        Input = TestData.CentralCity(city, $"Regie {city} {n.ToString(CultureInfo.InvariantCulture)}");
    }

    public PartnershipBuilder Named(string name)
    {
        Input = Input with { Name = name };
        return this;
    }

    /// <summary>A central city alone (R1, no minimum size: R2).</summary>
    public PartnershipBuilder CentralCity(string city)
    {
        Input = Input with { Kind = PartnershipKind.CentralCity.Code(), Members = [city], ManagingMunicipality = null };
        return this;
    }

    /// <summary>An interlocal association with its managing municipality (R4).</summary>
    public PartnershipBuilder Interlocal(string managing, params string[] members)
    {
        Input = Input with { Kind = PartnershipKind.InterlocalAssociation.Code(), Members = members, ManagingMunicipality = managing };
        return this;
    }

    public PartnershipBuilder Kind(PartnershipKind kind)
    {
        Input = Input with { Kind = kind.Code() };
        return this;
    }

    /// <summary>R5: new, existing or changed; a changed one with its motivation (R6).</summary>
    public PartnershipBuilder Status(PartnershipStatus status, string? motivation = null)
    {
        Input = Input with { Status = status.Code(), ChangeMotivation = motivation };
        return this;
    }

    public PartnershipBuilder Regisseur(string? name, string? email = null, string? phone = null)
    {
        Input = Input with { RegisseurName = name, RegisseurEmail = email, RegisseurPhone = phone };
        return this;
    }
}

/// <summary>A user to create; by default a policy officer with a unique address and a test password.</summary>
public sealed class UserBuilder
{
    /// <summary>The password of every user made here (unless told otherwise).</summary>
    public const string DefaultPassword = "Test-wachtwoord-2026!";

    private readonly List<RoleGrant> _grants = [];

    internal UserBuilder()
    {
        var n = TestDataBuilders.Next().ToString(CultureInfo.InvariantCulture);
        EmailAddress = $"gebruiker{n}@test.regiekamer";
        DisplayName = $"Testgebruiker {n}";
    }

    internal string EmailAddress { get; private set; }

    internal string DisplayName { get; private set; }

    internal string? PasswordText { get; private set; } = DefaultPassword;

    internal IReadOnlyCollection<RoleGrant> Grants => _grants.Count > 0 ? _grants : [new RoleGrant(Role.PolicyOfficer)];

    public UserBuilder Email(string email)
    {
        EmailAddress = email;
        return this;
    }

    public UserBuilder Named(string name)
    {
        DisplayName = name;
        return this;
    }

    /// <summary>A department role.</summary>
    public UserBuilder Department(Role role)
    {
        _grants.Add(new RoleGrant(role));
        return this;
    }

    public UserBuilder Regisseur(int partnershipId) => For(Role.Regisseur, partnershipId);

    public UserBuilder Signatory(int partnershipId) => For(Role.Signatory, partnershipId);

    public UserBuilder MemberViewer(int partnershipId) => For(Role.MemberViewer, partnershipId);

    /// <summary>A partnership role.</summary>
    public UserBuilder For(Role role, int partnershipId)
    {
        _grants.Add(new RoleGrant(role, partnershipId));
        return this;
    }

    /// <summary>No password: the user sets one through a reset mail.</summary>
    public UserBuilder WithoutPassword()
    {
        PasswordText = null;
        return this;
    }
}

/// <summary>A new version of a call's terms; what is not said stays as in the current version.</summary>
public sealed class CallVersionBuilder
{
    private string? _budget;
    private (int WorkingAge, int JobSeekers, int Equal)? _weights;
    private DateOnly? _deadline;
    private string? _priorities;
    private DateOnly? _effectiveFrom;
    private string? _note = "Testversie";
    private int? _advance;

    internal CallVersionBuilder()
    {
    }

    internal int? CallId { get; private set; }

    public CallVersionBuilder OfCall(int callId)
    {
        CallId = callId;
        return this;
    }

    /// <summary>The yearly budget in whole euros (R13).</summary>
    public CallVersionBuilder Budget(long euros)
    {
        _budget = euros.ToString(CultureInfo.InvariantCulture);
        return this;
    }

    public CallVersionBuilder Weights(int workingAge, int jobSeekers, int equal)
    {
        _weights = (workingAge, jobSeekers, equal);
        return this;
    }

    public CallVersionBuilder Deadline(DateOnly deadline)
    {
        _deadline = deadline;
        return this;
    }

    public CallVersionBuilder Priorities(string priorities)
    {
        _priorities = priorities;
        return this;
    }

    public CallVersionBuilder EffectiveFrom(DateOnly date)
    {
        _effectiveFrom = date;
        return this;
    }

    /// <summary>The payment schedule: the advance after the decree, in percent (100: one payment).</summary>
    public CallVersionBuilder Advance(int percent)
    {
        _advance = percent;
        return this;
    }

    public CallVersionBuilder Note(string? note)
    {
        _note = note;
        return this;
    }

    internal CallVersionInput Input(CallVersion current) => new(
        _budget ?? current.YearlyBudget.ToInvariantString(),
        _weights?.WorkingAge ?? current.WeightWorkingAge,
        _weights?.JobSeekers ?? current.WeightJobSeekers,
        _weights?.Equal ?? current.WeightEqual,
        _deadline ?? current.Deadline,
        _priorities ?? current.Priorities,
        _effectiveFrom ?? current.EffectiveFrom,
        _note,
        current.RegionDatasetId,
        AdvancePercent: _advance);
}
