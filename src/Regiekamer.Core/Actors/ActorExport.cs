using Regiekamer.Core.Common;

namespace Regiekamer.Core.Actors;

/// <summary>The department's export of actors (CSV or XLSX): every text cell neutralised against formulas by <see cref="Table"/>.</summary>
public static class ActorExport
{
    public static Table Of(IEnumerable<ActorListItem> items, IReadOnlyList<ActorKind> kinds, IReadOnlyDictionary<NisCode, string> municipalities)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(municipalities);
        var table = new Table("Actoren", [("id", false), ("regieverband", false), ("naam", false), ("kbo", false), ("soort", false), ("gemeente_nis", false), ("gemeente", false), ("website", false), ("gearchiveerd", false), ("demo", false)]);
        foreach (var i in items)
        {
            var a = i.Actor;
            table.Add(
                a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.PartnershipName, a.Name, a.KboNumber, kinds.FirstOrDefault(k => k.Code == a.KindCode)?.NameNl ?? a.KindCode,
                a.MunicipalityNisCode?.Value, a.MunicipalityNisCode is { } n ? municipalities.GetValueOrDefault(n) : null, a.Website, a.IsArchived ? "ja" : "nee", a.IsDemo ? "ja" : "nee");
        }

        return table;
    }
}
