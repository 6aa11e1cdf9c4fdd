using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

/// <summary>
/// A what-if as it arrives from the API or the form: <see cref="Action"/> is add-municipality, remove-municipality
/// (with <see cref="PartnershipId"/> and <see cref="Municipality"/>, a NIS code or name) or add-partnership (with
/// <see cref="NewPartnership"/>).
/// </summary>
public sealed record WhatIfInput(string? Action, int? PartnershipId, string? Municipality, PartnershipInput? NewPartnership);

public sealed class WhatIfService(AllocationService allocation, PartnershipService partnerships, ReferenceDataService referenceData)
{
    public const string AddMunicipality = "add-municipality";
    public const string RemoveMunicipality = "remove-municipality";
    public const string AddPartnership = "add-partnership";

    /// <summary>Turns a what-if as the user gave it into a change on the partnerships of the call, or says what is wrong with it.</summary>
    public async Task<Result<WhatIfChange>> ChangeAsync(WhatIfInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var snapshot = await referenceData.SnapshotAsync(ct: ct);
        switch (input.Action)
        {
            case AddMunicipality or RemoveMunicipality:
                var p = input.PartnershipId is { } id ? await partnerships.GetAsync(id, ct) : null;
                if (p is null)
                {
                    return DomainError.Invalid("validation", "Kies een bestaand regieverband.", "Choose an existing partnership.", "partnershipId");
                }

                var m = input.Municipality is null ? null : snapshot.Find(input.Municipality);
                if (m is null)
                {
                    return DomainError.Invalid("validation", $"'{input.Municipality}' is geen gemeente.", $"'{input.Municipality}' is not a municipality.", "municipality");
                }

                return Result<WhatIfChange>.Ok(new WhatIfChange(input.Action == AddMunicipality ? WhatIfAction.AddMunicipality : WhatIfAction.RemoveMunicipality, p.Name, m.NisCode, null));
            case AddPartnership:
                if (input.NewPartnership is null)
                {
                    return DomainError.Invalid("validation", "Geef het nieuwe regieverband op.", "Give the new partnership.", "newPartnership");
                }

                var valid = PartnershipService.Validate(input.NewPartnership, snapshot);
                return valid.IsSuccess
                    ? Result<WhatIfChange>.Ok(new WhatIfChange(WhatIfAction.AddPartnership, null, null, valid.Value!.ToFacts()))
                    : Result<WhatIfChange>.Fail(valid.Errors);
            default:
                return DomainError.Invalid("validation", $"Actie '{input.Action}' bestaat niet; kies {AddMunicipality}, {RemoveMunicipality} of {AddPartnership}.", $"Action '{input.Action}' does not exist; choose {AddMunicipality}, {RemoveMunicipality} or {AddPartnership}.", "action");
        }
    }

    /// <summary>What the change would do to each partnership's eligibility and amount; nothing is stored.</summary>
    public async Task<Result<(AllocationPreview Preview, WhatIfOutcome Outcome)>> ApplyAsync(int? callId, DateOnly on, WhatIfInput input, CancellationToken ct = default)
    {
        var change = await ChangeAsync(input, ct);
        return change.IsSuccess ? await ApplyAsync(callId, on, change.Value!, ct) : Result<(AllocationPreview, WhatIfOutcome)>.Fail(change.Errors);
    }

    public async Task<Result<(AllocationPreview Preview, WhatIfOutcome Outcome)>> ApplyAsync(int? callId, DateOnly on, WhatIfChange change, CancellationToken ct = default)
    {
        var preview = await allocation.PreviewAsync(callId, on, ct);
        if (!preview.IsSuccess)
        {
            return Result<(AllocationPreview, WhatIfOutcome)>.Fail(preview.Errors);
        }

        var p = preview.Value!;
        var facts = p.PartnershipsByName.Values.Select(PartnershipService.ToFacts).ToList();
        var outcome = WhatIf.Apply(facts, change, p.Snapshot, on, p.Budget, p.Weights);
        return outcome.IsSuccess ? Result<(AllocationPreview, WhatIfOutcome)>.Ok((p, outcome.Value!)) : Result<(AllocationPreview, WhatIfOutcome)>.Fail(outcome.Errors);
    }

    public async Task<Result<(AllocationPreview Preview, IReadOnlyList<JoinOption> Options)>> JoinTableAsync(int? callId, DateOnly on, CancellationToken ct = default)
    {
        var preview = await allocation.PreviewAsync(callId, on, ct);
        if (!preview.IsSuccess)
        {
            return Result<(AllocationPreview, IReadOnlyList<JoinOption>)>.Fail(preview.Errors);
        }

        var p = preview.Value!;
        var eligible = p.Lines.Select(l => PartnershipService.ToFacts(p.PartnershipsByName[l.Name])).ToList();
        return Result<(AllocationPreview, IReadOnlyList<JoinOption>)>.Ok((p, WhatIf.JoinTable(eligible, p.Snapshot, p.Budget, p.Weights)));
    }
}
