namespace Regiekamer.Core.Catalogue;

/// <summary>
/// A plain category of the public catalogue (as regisseurs use them, e.g. Midwest's themes): a short list the
/// department keeps, each mapped to CPV codes. A service's CPV codes start from its categories' codes.
/// </summary>
public sealed class CatalogueCategory
{
    public string Code { get; private set; } = "";

    public string NameNl { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    /// <summary>The CPV codes ("77310000-6") the category stands for, separated by spaces.</summary>
    public string CpvCodes { get; private set; } = "";

    public int Version { get; set; }

    public IReadOnlyList<string> CpvList => CpvCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static CatalogueCategory Add(string code, string nameNl, string nameEn, int sortOrder, IEnumerable<string> cpv) =>
        new() { Code = code, NameNl = nameNl, NameEn = nameEn, SortOrder = sortOrder, CpvCodes = string.Join(' ', cpv), Version = 1 };

    public void Change(string nameNl, string nameEn, int sortOrder, IEnumerable<string> cpv)
    {
        NameNl = nameNl;
        NameEn = nameEn;
        SortOrder = sortOrder;
        CpvCodes = string.Join(' ', cpv);
    }

    /// <summary>
    /// The categories of issue 10 (Midwest's themes), inserted by the migration. Each is mapped to real codes of the
    /// CPV 2008 list, the broadest that fits first: packaging services (7992), building works and renovation (45),
    /// printing (798) and postal services (6411), bicycles and their parts (3443) with repair and maintenance (50),
    /// planting and maintenance of green areas (773), refuse collection and treatment (9051) and recycled secondary raw
    /// materials (149), cleaning of homes (90911) and laundry (9831), catering (555, 553), gifts (1853), business
    /// machines (42) with their repair (5053), and business services (79) with office support (795) and building cleaning.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Nl, string En, string[] Cpv)> BuiltIn =
    [
        ("montage-verpakking", "Montage en verpakking", "Assembly and packaging", ["79920000-9", "79921000-6"]),
        ("bouw-renovatie", "Bouw en renovatie", "Construction and renovation", ["45000000-7", "45453000-7", "45262700-8"]),
        ("drukwerk-mailing", "Drukwerk en mailing", "Printing and mailing", ["79810000-5", "79800000-2", "64110000-0"]),
        ("fietsen", "Fietsverhuur en -herstel", "Bicycle hire and repair", ["34430000-0", "34432000-4", "50000000-5"]),
        ("groenonderhoud", "Groenonderhoud", "Green maintenance", ["77310000-6", "77311000-3", "77300000-3"]),
        ("hergebruik", "Hergebruik", "Reuse", ["90510000-5", "14900000-0"]),
        ("huishoudhulp", "Huishoudelijke hulp", "Household support", ["90911000-6", "98310000-9"]),
        ("catering", "Catering", "Catering", ["55520000-1", "55300000-3", "55500000-5"]),
        ("geschenken", "Geschenken", "Gifts", ["18530000-3"]),
        ("industrie", "Industrie", "Industry", ["42000000-6", "50530000-9"]),
        ("zakelijke-diensten", "Zakelijke diensten", "Business services", ["79000000-4", "79500000-9", "79999100-4", "90911200-8"]),
    ];
}
