// Tests reach into every feature; each feature's tables are extension properties of RegiekamerDb in its own namespace.
global using Regiekamer.Core.Accounts;
global using Regiekamer.Core.Allocation;
global using Regiekamer.Core.Audit;
global using Regiekamer.Core.Calls;
global using Regiekamer.Core.Partnerships;
global using Regiekamer.Core.ReferenceData;
