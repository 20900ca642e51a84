# Dibuat otomatis oleh tools/buat_ui.py dari ui/form_jabatan.ui. Jangan diubah dengan tangan.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_jabatan.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FormJabatan(object):
    def setupUi(self, FormJabatan):
        if not FormJabatan.objectName():
            FormJabatan.setObjectName(u"FormJabatan")
        FormJabatan.resize(520, 420)
        self.tata_utama = QVBoxLayout(FormJabatan)
        self.tata_utama.setObjectName(u"tata_utama")
        self.tata_form = QFormLayout()
        self.tata_form.setObjectName(u"tata_form")
        self.tata_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.label_nama = QLabel(FormJabatan)
        self.label_nama.setObjectName(u"label_nama")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_nama)

        self.nama = QLineEdit(FormJabatan)
        self.nama.setObjectName(u"nama")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nama)

        self.label_eselon = QLabel(FormJabatan)
        self.label_eselon.setObjectName(u"label_eselon")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_eselon)

        self.eselon = QComboBox(FormJabatan)
        self.eselon.setObjectName(u"eselon")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.eselon)

        self.label_unit = QLabel(FormJabatan)
        self.label_unit.setObjectName(u"label_unit")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_unit)

        self.unit = QComboBox(FormJabatan)
        self.unit.setObjectName(u"unit")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit)

        self.label_atasan = QLabel(FormJabatan)
        self.label_atasan.setObjectName(u"label_atasan")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_atasan)

        self.atasan = QComboBox(FormJabatan)
        self.atasan.setObjectName(u"atasan")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.atasan)


        self.tata_utama.addLayout(self.tata_form)

        self.pesan = QLabel(FormJabatan)
        self.pesan.setObjectName(u"pesan")
        self.pesan.setWordWrap(True)

        self.tata_utama.addWidget(self.pesan)

        self.pengisi = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tata_utama.addItem(self.pengisi)

#if QT_CONFIG(shortcut)
        self.label_nama.setBuddy(self.nama)
        self.label_eselon.setBuddy(self.eselon)
        self.label_unit.setBuddy(self.unit)
        self.label_atasan.setBuddy(self.atasan)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormJabatan)
    # setupUi

    def retranslateUi(self, FormJabatan):
        FormJabatan.setWindowTitle(QCoreApplication.translate("FormJabatan", u"Jabatan", None))
        self.label_nama.setText(QCoreApplication.translate("FormJabatan", u"&Nama jabatan *", None))
        self.nama.setPlaceholderText(QCoreApplication.translate("FormJabatan", u"seperti tercetak di PK, mis. Kepala Bidang Pelatihan Kerja", None))
        self.label_eselon.setText(QCoreApplication.translate("FormJabatan", u"&Eselon", None))
        self.label_unit.setText(QCoreApplication.translate("FormJabatan", u"&Unit", None))
        self.label_atasan.setText(QCoreApplication.translate("FormJabatan", u"&Atasan langsung", None))
        self.pesan.setText("")
        self.pesan.setStyleSheet(QCoreApplication.translate("FormJabatan", u"color: #b3261e;", None))
    # retranslateUi
