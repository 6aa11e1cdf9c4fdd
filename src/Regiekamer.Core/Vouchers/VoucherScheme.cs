using Regiekamer.Core.Common;

namespace Regiekamer.Core.Vouchers;

public enum VoucherSchemeStatus
{
    /// <summary>Being set up: terms and providers can change; no company can apply.</summary>
    Draft,

    /// <summary>Companies apply within its period; its terms are fixed.</summary>
    Open,

    /// <summary>No more applications; vouchers already approved run their course.</summary>
    Closed,
}

/// <summary>
/// A partnership's introduction-voucher scheme (kennismakingscheque, seed 000): its terms (<see cref="VoucherTerms"/>,
/// KC1) and the actors of the inventory whose services the voucher pays (KC5). Its Version goes up with every approval,
/// which is what keeps concurrent approvals from overcommitting the budget (KC2, docs/adr/0015).
/// </summary>
public sealed class VoucherScheme
{
    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Name { get; private set; } = "";

    public VoucherKind Kind { get; private set; }

    public Money Value { get; private set; }

    public Money OwnShare { get; private set; }

    public int UseWithinMonths { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly Until { get; private set; }

    public Money Budget { get; private set; }

    public int TargetCompanies { get; private set; }

    public VoucherSchemeStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public bool IsDemo { get; private set; }

    public List<VoucherSchemeProvider> Providers { get; private set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public VoucherTerms Terms => new(Kind, Value, OwnShare, UseWithinMonths, From, Until, Budget, TargetCompanies);

    public static VoucherScheme Create(int partnershipId, string name, VoucherTerms terms, IEnumerable<int> providerActorIds, DateTime now, bool isDemo = false)
    {
        var scheme = new VoucherScheme { PartnershipId = partnershipId, Status = VoucherSchemeStatus.Draft, IsDemo = isDemo, CreatedAtUtc = now, Version = 1 };
        scheme.Change(name, terms, providerActorIds, now);
        return scheme;
    }

    /// <summary>New terms or providers: only while a draft (the caller checks <see cref="Status"/> and says so).</summary>
    public void Change(string name, VoucherTerms terms, IEnumerable<int> providerActorIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Name = name;
        (Kind, Value, OwnShare, UseWithinMonths, From, Until, Budget, TargetCompanies) = (terms.Kind, terms.Value, terms.OwnShare, terms.UseWithinMonths, terms.From, terms.Until, terms.Budget, terms.TargetCompanies);
        var wanted = providerActorIds.Distinct().ToHashSet();
        Providers.RemoveAll(p => !wanted.Contains(p.ActorId));
        foreach (var id in wanted.Where(id => Providers.All(p => p.ActorId != id)).Order())
        {
            Providers.Add(new VoucherSchemeProvider { ActorId = id });
        }

        UpdatedAtUtc = now;
    }

    public void Open(DateTime now)
    {
        Status = VoucherSchemeStatus.Open;
        UpdatedAtUtc = now;
    }

    public void Close(DateOnly on, DateTime now)
    {
        Status = VoucherSchemeStatus.Closed;
        ClosedOn = on;
        UpdatedAtUtc = now;
    }
}

/// <summary>An actor of the inventory whose services a scheme's voucher pays (KC5).</summary>
public sealed class VoucherSchemeProvider
{
    public int VoucherSchemeId { get; set; }

    public int ActorId { get; set; }
}
