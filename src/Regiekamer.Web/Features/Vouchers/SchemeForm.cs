using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>The scheme form's fields as typed (amounts as text, "500,00"), bound without JavaScript.</summary>
public sealed class SchemeForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; } = "fixed";

    public string? Value { get; set; }

    public string? OwnShare { get; set; }

    public int? UseWithinMonths { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }

    public string? Budget { get; set; }

    public int? TargetCompanies { get; set; }

    public List<int> Providers { get; set; } = [];

    public VoucherSchemeInput ToInput() => new(Name, Kind, Value, OwnShare, UseWithinMonths, From, Until, Budget, TargetCompanies, Providers);

    public static SchemeForm Of(VoucherScheme s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new()
        {
            Name = s.Name,
            Kind = VoucherLabels.KindCode(s.Kind),
            Value = s.Value.ToDisplayString(Formats.Dutch),
            OwnShare = s.OwnShare == Money.Zero ? null : s.OwnShare.ToDisplayString(Formats.Dutch),
            UseWithinMonths = s.UseWithinMonths,
            From = s.From,
            Until = s.Until,
            Budget = s.Budget.ToDisplayString(Formats.Dutch),
            TargetCompanies = s.TargetCompanies,
            Providers = s.Providers.Select(p => p.ActorId).ToList(),
        };
    }
}

/// <summary>What the scheme form partial shows: the input, its errors, the version read (when editing) and the partnership's actors to choose from.</summary>
public sealed record SchemeFormView(SchemeForm Input, IReadOnlyList<DomainError> Errors, int? Version, IReadOnlyList<VoucherProviderName> Choices, string CancelUrl);
