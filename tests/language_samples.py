"""A small multilingual set, written for the language tests: news-style paragraphs per language.

The English ones are the hard cases for a detector: datelines and paragraphs dense with foreign
names, places and institutions, a quote in another language, and short wire briefs.
"""

from __future__ import annotations

SAMPLES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs "
        "touchés par la sécheresse. Le ministre a déclaré que les aides seraient versées avant la fin du mois, "
        "mais les syndicats estiment que ces annonces restent insuffisantes face à la hausse des coûts.",
        "Des milliers de manifestants se sont rassemblés samedi devant la préfecture pour protester contre la "
        "fermeture de l'hôpital local. Selon les organisateurs, la mobilisation se poursuivra tant que les "
        "autorités n'auront pas présenté un plan crédible pour maintenir les services d'urgence.",
        "Le président de la commission a rencontré jeudi ses homologues européens à Bruxelles afin de préparer "
        "le prochain sommet consacré à l'énergie et à la sécurité des approvisionnements.",
    ),
    "de": (
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
        "Nach Angaben des Ministeriums sollen bis zum Ende des Jahrzehnts deutlich mehr Windräder gebaut werden, "
        "während Kritiker vor steigenden Strompreisen für private Haushalte warnen.",
        "Bei einem schweren Unwetter sind in der Nacht zum Sonntag mehrere Straßen überflutet worden. Die "
        "Feuerwehr war stundenlang im Einsatz, verletzt wurde nach ersten Erkenntnissen niemand.",
        "Der Außenminister reiste am Montag zu Gesprächen nach Warschau, um über die Zusammenarbeit an der "
        "Grenze und die Unterstützung für die Nachbarländer zu beraten.",
    ),
    "es": (
        "El Gobierno aprobó el martes un paquete de medidas para contener el precio de la vivienda en las "
        "grandes ciudades. La ministra explicó que las ayudas llegarán a más de cien mil familias, aunque la "
        "oposición considera que la reforma llega tarde y no resolverá el problema de fondo.",
        "Miles de personas salieron a la calle el domingo para exigir mejoras en la sanidad pública. Los "
        "sindicatos advirtieron que convocarán nuevas huelgas si no se abre una negociación antes del verano.",
        "El presidente recibió en el palacio a una delegación de empresarios para hablar sobre las inversiones "
        "extranjeras y el futuro del sector turístico tras la pandemia.",
    ),
    "it": (
        "Il governo ha presentato giovedì il nuovo piano per le infrastrutture, che prevede investimenti per "
        "diversi miliardi di euro nelle ferrovie del Mezzogiorno. Il ministro ha detto che i primi cantieri "
        "apriranno entro la primavera, mentre le regioni chiedono tempi più certi.",
        "Migliaia di studenti hanno manifestato venerdì nelle principali città contro l'aumento delle tasse "
        "universitarie. I rappresentanti degli atenei hanno chiesto un incontro urgente con il governo.",
        "Il sindaco ha firmato un'ordinanza che vieta la circolazione delle auto più inquinanti nel centro "
        "storico durante i mesi invernali.",
    ),
    "pt": (
        "O governo anunciou nesta segunda-feira um novo programa de investimentos em saneamento básico para as "
        "regiões mais pobres do país. Segundo o ministro, as obras devem começar ainda este ano e vão gerar "
        "milhares de empregos, mas economistas questionam a origem dos recursos.",
        "A polícia prendeu três suspeitos de participar no assalto a uma agência bancária no centro da cidade. "
        "De acordo com as autoridades, o grupo planejava o crime havia vários meses.",
        "O presidente viajou para Lisboa, onde se reuniu com o primeiro-ministro para discutir acordos de "
        "cooperação nas áreas da educação e da energia.",
    ),
    "nl": (
        "Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd om de woningnood in de grote steden aan te "
        "pakken. Volgens de minister moeten er de komende jaren tienduizenden betaalbare huizen bij komen, maar "
        "gemeenten zeggen dat er te weinig bouwgrond beschikbaar is.",
        "Door de hevige regenval zijn in het zuiden van het land verschillende dorpen ondergelopen. De "
        "hulpdiensten hebben honderden bewoners geëvacueerd.",
        "De minister-president sprak woensdag met zijn Belgische ambtgenoot over de samenwerking op het gebied "
        "van energie en de bescherming van de gezamenlijke grens.",
    ),
    "ru": (
        "Правительство во вторник утвердило новую программу поддержки малого бизнеса. По словам министра, "
        "льготные кредиты получат более тысячи предприятий, однако эксперты сомневаются, что этих мер будет "
        "достаточно для восстановления экономики.",
        "В результате сильного снегопада в нескольких регионах были закрыты дороги и отменены авиарейсы. "
        "Спасатели продолжают работу, пострадавших нет.",
        "Министр иностранных дел провёл переговоры со своим коллегой, стороны обсудили вопросы торговли и "
        "безопасности в регионе.",
    ),
    "tr": (
        "Hükümet salı günü asgari ücrete yönelik yeni bir düzenleme açıkladı. Bakan, artışın önümüzdeki aydan "
        "itibaren uygulanacağını söyledi, ancak sendikalar rakamın enflasyonun gerisinde kaldığını belirtti.",
        "Şiddetli yağışlar nedeniyle birçok ilde sel meydana geldi ve bazı köy yolları ulaşıma kapandı. "
        "Yetkililer vatandaşları dikkatli olmaları konusunda uyardı.",
        "Dışişleri Bakanı, komşu ülkelerin temsilcileriyle bir araya gelerek bölgedeki güvenlik durumunu görüştü.",
    ),
    "id": (
        "Pemerintah mengumumkan pada hari Selasa bahwa harga bahan bakar bersubsidi tidak akan dinaikkan hingga "
        "akhir tahun. Menteri mengatakan keputusan itu diambil untuk menjaga daya beli masyarakat di tengah "
        "kenaikan harga pangan.",
        "Ribuan warga terpaksa mengungsi setelah banjir besar merendam sejumlah desa di wilayah selatan. Tim "
        "penyelamat masih mencari beberapa orang yang dilaporkan hilang.",
    ),
    "ar": (
        "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين المتضررين من موجة الجفاف. وقال الوزير إن "
        "المساعدات ستصرف قبل نهاية الشهر، في حين اعتبرت النقابات أن هذه الإجراءات غير كافية.",
        "التقى وزير الخارجية نظيره في العاصمة لبحث سبل تعزيز التعاون الاقتصادي والأمني بين البلدين.",
    ),
    "zh": (
        "政府周二宣布了一项新的经济刺激计划，旨在支持中小企业渡过难关。部长表示，相关资金将在本月底前发放，"
        "但一些经济学家认为这些措施力度仍然不够。",
        "外交部长周三会见了来访的邻国代表团，双方就贸易合作和地区安全问题交换了意见。",
    ),
}

ENGLISH: tuple[str, ...] = (
    # Wire copy dense with foreign names, places and institutions.
    "MOSCOW, Aug 21 (Reuters) - Russian Foreign Minister Sergei Lavrov met Iranian counterpart Abbas Araqchi "
    "in Moscow on Wednesday, the ministry said, as Tehran and the Kremlin discussed the Bushehr plant and "
    "deliveries through the port of Bandar Abbas.",
    "Xi Jinping received Prime Minister Pham Minh Chinh of Vietnam at the Great Hall of the People, where the "
    "two leaders signed agreements on the Lao Cai-Hanoi-Haiphong railway, Xinhua reported.",
    "Ukrainian President Volodymyr Zelenskiy said forces of the Zaporizhzhia, Kharkiv and Dnipropetrovsk "
    "regions repelled attacks near Pokrovsk and Kupiansk overnight, according to Ukrinform.",
    "BRASILIA (AP) - Luiz Inacio Lula da Silva told reporters at the Palacio do Planalto that Petrobras would "
    "keep fuel prices steady, while Finance Minister Fernando Haddad promised talks with Congress.",
    "Recep Tayyip Erdogan and Kyriakos Mitsotakis agreed in Ankara to reopen talks on the Aegean, with "
    "Hakan Fidan and Giorgos Gerapetritis meeting again before the end of the year.",
    "The Bundestag backed Chancellor Olaf Scholz's plan after a debate in which Friedrich Merz of the CDU and "
    "Christian Lindner of the FDP clashed over the Schuldenbremse, the debt brake written into the Grundgesetz.",
    'French President Emmanuel Macron said in Paris that "la France sera au rendez-vous" as he pledged more '
    "support for Kyiv, adding that Europe must stand together against aggression.",
    "Police in Jakarta arrested two men over the bombing, National Police spokesman Ahmad Ramadhan said, adding "
    "that Densus 88 officers had searched homes in Bekasi and Bogor.",
    "Israeli Prime Minister Benjamin Netanyahu's office said on Sunday that Mossad chief David Barnea would "
    "travel to Doha for talks with Qatari and Egyptian mediators on a ceasefire in Gaza.",
    "Saudi Crown Prince Mohammed bin Salman hosted Sheikh Mohamed bin Zayed Al Nahyan in Riyadh, where the two "
    "discussed OPEC+ output and the war in Sudan, the Saudi Press Agency said.",
    # Short briefs and headlines: must never be rejected for being short.
    "Lavrov meets Wang Yi in Beijing.",
    "Putin, Xi sign energy deal.",
    "Kim Jong Un oversees missile test, KCNA says.",
    "Modi visits Dhaka.",
    "Erdogan warns Athens.",
)
