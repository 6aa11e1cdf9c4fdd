using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Tests.TestSupport;

/// <summary>The shipped reference data, loaded once per test run, and builders of partnerships on it by municipality name.</summary>
internal static class Shipped
{
    private static readonly Lazy<ReferenceSnapshot> Default = new(() => ReferenceSnapshot.FromShipped());

    /// <summary>The 2019-2024 set with the first (17/2/2022) region version, inhabitants 1/1/2020, working age 1/1/2017.</summary>
    public static ReferenceSnapshot Snapshot => Default.Value;

    public static NisCode Code(string name) =>
        Snapshot.Find(name)?.NisCode ?? throw new ArgumentException($"No municipality '{name}' in the shipped 2019-2024 set.", nameof(name));

    public static long Inhabitants(string name) => Snapshot.Inhabitants(Code(name))!.Value;

    public static long WorkingAge(string name) => Snapshot.WorkingAge(Code(name))!.Value;

    public static PartnershipFacts Partnership(
        string name,
        PartnershipKind kind,
        PartnershipStatus status,
        IEnumerable<string> members,
        string? managing = null,
        string? motivation = null) =>
        new(name, kind, status, members.Select(Code).ToList(), managing is null ? null : Code(managing), motivation);

    public static PartnershipFacts Interlocal(string name, string managing, params string[] members) =>
        Partnership(name, PartnershipKind.InterlocalAssociation, PartnershipStatus.Existing, members, managing);

    public static PartnershipFacts CentralCity(string city) =>
        Partnership(city, PartnershipKind.CentralCity, PartnershipStatus.Existing, [city]);
}
